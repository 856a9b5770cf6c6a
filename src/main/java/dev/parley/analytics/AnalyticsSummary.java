package dev.parley.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The support desk's numbers for a date range; definitions in docs/analytics.md. */
public record AnalyticsSummary(
        LocalDate from,
        LocalDate to,
        long totalConversations,
        long totalMessages,
        Double aiResolutionRate,
        Double escalationRate,
        AiResolution aiResolution,
        Map<String, Long> escalationsByReason,
        Durations firstResponseSeconds,
        Durations humanFirstResponseSeconds,
        Durations queueWaitSeconds,
        Durations resolutionSeconds,
        Csat csat,
        List<DayCount> conversationsByDay,
        Map<String, Long> byChannel,
        List<VolumeCount> byInbox,
        List<VolumeCount> byCategory,
        List<VolumeCount> byPriority,
        List<AgentFigures> agents,
        List<QuestionGroup> topQuestions,
        List<QuestionGroup> unansweredQuestions,
        long totalTokens,
        double totalCostUsd,
        Double costPerAiResolution,
        Double avgMessagesPerConversation,
        dev.parley.sla.SlaCompliance slaCompliance) {

    /**
     * How the AI resolutions are known: {@code confirmed} by the customer ("Yes, thanks"), {@code assumed} (no click
     * before the feedback timeout), and {@code durable} (not reopened within 7 days); rates are of all conversations.
     */
    public record AiResolution(long resolved, long confirmed, long assumed, long durable, Double confirmedRate,
            Double assumedRate, Double durableRate) {
    }

    /** Average, median and 90th percentile in seconds; null when nothing was measured. */
    public record Durations(Double avg, Double median, Double p90, long count) {
    }

    /** Conversations with one value of a dimension ({@code value} null when they have none) and its display name. */
    public record VolumeCount(String value, String name, long conversations) {
    }

    /**
     * One agent's figures over the conversations they held last: how many, the average human first response and
     * resolution times of those measured (null when none), and their CSAT.
     */
    public record AgentFigures(java.util.UUID agentId, String name, long conversations,
            Double humanFirstResponseAvgSeconds, long humanFirstResponses, Double resolutionAvgSeconds, long resolutions,
            Double csatAverage, long csatResponses) {
    }

    public record Csat(Double average, long responses, Map<Integer, Long> distribution) {
    }

    public record DayCount(LocalDate day, long conversations, long aiResolved, long escalated) {
    }

    /** Similar questions grouped: how many, and one example phrasing. */
    public record QuestionGroup(String example, long count, List<String> variants) {
    }
}
