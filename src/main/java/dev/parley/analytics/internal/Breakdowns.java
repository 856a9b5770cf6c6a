package dev.parley.analytics.internal;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsSummary.AgentFigures;
import dev.parley.analytics.AnalyticsSummary.VolumeCount;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Priority;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Volume by inbox, category and priority and the per-agent figures, with the names people read: from the daily
 * rollups, or from the per-conversation rows when a team filter applies (teams are not rolled up).
 */
@Component
public class Breakdowns {

    private final SummaryQueries facts;
    private final RollupQueries rollups;
    private final Inboxes inboxes;
    private final Agents agents;

    Breakdowns(SummaryQueries facts, RollupQueries rollups, Inboxes inboxes, Agents agents) {
        this.facts = facts;
        this.rollups = rollups;
        this.inboxes = inboxes;
        this.agents = agents;
    }

    public List<VolumeCount> volume(String dimension, AnalyticsFilter filter) {
        Map<String, Long> counts = filter.teamId() != null ? facts.volume(dimension, filter)
                : rollups.volume(dimension, filter);
        return counts.entrySet().stream()
                .map(e -> new VolumeCount(e.getKey().isEmpty() ? null : e.getKey(), name(dimension, e.getKey()),
                        e.getValue()))
                .toList();
    }

    public List<AgentFigures> agents(AnalyticsFilter filter) {
        List<SummaryQueries.AgentTotals> totals = filter.teamId() != null ? facts.agents(filter) : rollups.agents(filter);
        return totals.stream().map(t -> new AgentFigures(t.agentId(),
                agents.find(t.agentId()).map(Agent::name).orElse("Deleted agent"), t.conversations(),
                average(t.humanResponseSeconds(), t.humanResponses()), t.humanResponses(),
                average(t.resolutionSeconds(), t.resolutions()), t.resolutions(),
                average(t.csatPoints(), t.csatResponses()), t.csatResponses()))
                .toList();
    }

    private String name(String dimension, String value) {
        if (value.isEmpty()) {
            return switch (dimension) {
                case "inbox" -> "No inbox";
                case "category" -> "No category";
                default -> "No priority";
            };
        }
        return switch (dimension) {
            case "inbox" -> inboxName(value);
            case "priority" -> priorityName(value);
            default -> value;
        };
    }

    private String inboxName(String id) {
        try {
            return inboxes.find(UUID.fromString(id)).map(Inbox::name).orElse("Deleted inbox");
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static String priorityName(String value) {
        try {
            String name = Priority.valueOf(value).name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : (double) sum / count;
    }
}
