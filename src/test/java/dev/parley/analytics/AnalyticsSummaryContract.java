package dev.parley.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.assistant.llm.LlmCallRecorded;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AssistantPort;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.Satisfaction;
import dev.parley.conversation.SourceRef;
import dev.parley.support.ModuleListeners;
import dev.parley.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analytics definitions on a hand-built fixture whose answers are worked out by hand. Dates are
 * in 2020 so rows other tests write today never fall into the range.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsSummaryContract {

    static final LocalDate DAY_ONE = LocalDate.of(2020, 2, 10);
    static final LocalDate DAY_TWO = LocalDate.of(2020, 2, 11);
    /** A day of its own for "Did that help?" and durable resolution, so the figures above stay as they are. */
    static final LocalDate FEEDBACK_DAY = LocalDate.of(2020, 3, 2);

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    Satisfaction satisfaction;
    @Autowired
    MutableClock clock;
    @Autowired
    AnalyticsReports reports;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    dev.parley.conversation.AnswerFeedback feedback;
    @Autowired
    dev.parley.analytics.internal.DurableResolutions durable;
    @Autowired
    dev.parley.analytics.internal.ConversationExport export;
    @Autowired
    dev.parley.analytics.internal.SummaryQueries factsQueries;
    @Autowired
    dev.parley.analytics.internal.RollupQueries rollupQueries;

    /** The feedback day's report after the feedback timeout but before any 7-day window ended. */
    AnalyticsSummary beforeWindowsEnded;
    Map<String, UUID> feedbackConversations = new java.util.HashMap<>();
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @TestConfiguration
    static class Fixture {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2020-02-10T09:00:00Z"));
        }

        /** Answers what starts with "answerable:", hands "human" requests over, escalates the rest. */
        @Bean
        @Primary
        AssistantPort scriptedAssistant() {
            return request -> {
                String text = request.message().text();
                if (text.startsWith("answerable:")) {
                    return AssistantOutcome.answer("Here you go", 0.93, List.of(new SourceRef("a1", "Article", null)));
                }
                EscalationReason reason = text.contains("human") ? EscalationReason.HUMAN_REQUESTED
                        : EscalationReason.LOW_CONFIDENCE;
                return AssistantOutcome.escalate(reason, "A person will reply here.", 0.2);
            };
        }
    }

    @BeforeAll
    void buildFixture() {
        UUID c1 = startAt("2020-02-10T09:00:00Z", "web");
        ask(c1, 10, "answerable: how do I reset my password");

        UUID c2 = startAt("2020-02-10T10:00:00Z", "web");
        ask(c2, 20, "where is my refund");
        clock.advance(Duration.ofSeconds(80));
        conversations.postReply(c2, AuthorType.AGENT, null, "Grace", "Let me check that refund", false);
        conversations.postReply(c2, AuthorType.AGENT, null, "Grace", "internal: refund sent?", true);
        clock.advance(Duration.ofSeconds(200));
        conversations.changeStatus(c2, ConversationStatus.RESOLVED);
        satisfaction.rate(c2, 4, "quick");

        UUID c3 = startAt("2020-02-10T11:00:00Z", "email");
        ask(c3, 30, "Where is my refund??");

        UUID c4 = startAt("2020-02-10T12:00:00Z", "web");
        ask(c4, 40, "answerable: shipping times to Canada");
        satisfaction.endByCustomer(c4);
        satisfaction.rate(c4, 5, null);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new LlmCallRecorded(UUID.randomUUID(), c1, 1_000, 500,
                    new java.math.BigDecimal("0.003"), false, clock.instant()));
            events.publishEvent(new LlmCallRecorded(UUID.randomUUID(), c4, 200, 100,
                    new java.math.BigDecimal("0.001"), false, clock.instant()));
        });

        UUID c5 = startAt("2020-02-11T08:00:00Z", "web");
        ask(c5, 50, "I want to talk to a human");

        ModuleListeners.awaitCompleted(jdbc, "dev.parley.analytics");
        buildFeedbackFixture();
    }

    /**
     * On FEEDBACK_DAY: "yes" clicks Yes; "silent" never clicks; "no" clicks No; "reopened" never clicks and asks
     * again two days later (inside the 7-day window), and is answered again. Then the feedback timeout passes,
     * and later every 7-day window ends.
     */
    void buildFeedbackFixture() {
        for (String name : List.of("yes", "silent", "no", "reopened")) {
            UUID id = startAt("2020-03-02T09:00:00Z", "web");
            clock.advance(Duration.ofMinutes(feedbackConversations.size() * 10L));
            feedbackConversations.put(name, id);
            ask(id, 10, "answerable: question for " + name);
        }
        feedback.record(feedbackConversations.get("yes"), answerOf("yes"), true);
        feedback.record(feedbackConversations.get("no"), answerOf("no"), false);
        clock.set(Instant.parse("2020-03-02T11:00:00Z"));
        feedback.assumeHelpfulBefore(clock.instant().minus(Duration.ofMinutes(30)));

        clock.set(Instant.parse("2020-03-04T12:00:00Z"));
        ask(feedbackConversations.get("reopened"), 0, "answerable: one more thing");
        clock.set(Instant.parse("2020-03-04T13:00:00Z"));
        feedback.assumeHelpfulBefore(clock.instant().minus(Duration.ofMinutes(30)));
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.analytics");
        durable.settleDue();
        beforeWindowsEnded = feedbackSummary();

        clock.set(Instant.parse("2020-03-12T00:00:00Z"));
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.analytics");
        durable.settleDue();
    }

    UUID answerOf(String name) {
        return conversations.visibleMessages(feedbackConversations.get(name), 0, 10).stream()
                .filter(m -> m.authorType() == AuthorType.ASSISTANT).reduce((a, b) -> b).orElseThrow().id();
    }

    AnalyticsSummary feedbackSummary() {
        return reports.summary(new AnalyticsFilter(FEEDBACK_DAY, FEEDBACK_DAY, null, null));
    }

    UUID startAt(String instant, String channel) {
        clock.set(Instant.parse(instant));
        return conversations.start(new NewConversation(channel, null, null, null)).conversation().id();
    }

    void ask(UUID conversation, int afterSeconds, String text) {
        clock.advance(Duration.ofSeconds(afterSeconds));
        flow.receive(conversation, new IncomingMessage(text, null));
    }

    AnalyticsSummary summary(String channel) {
        return reports.summary(new AnalyticsFilter(DAY_ONE, DAY_TWO, channel, null));
    }

    @Test
    void countsConversationsAndVisibleMessages() {
        AnalyticsSummary s = summary(null);
        assertThat(s.totalConversations()).isEqualTo(5);
        assertThat(s.totalMessages()).isEqualTo(11);
        assertThat(s.avgMessagesPerConversation()).isCloseTo(2.2, within(1e-9));
    }

    @Test
    void aiResolutionCountsAnsweredConversationsThatNeverEscalated() {
        AnalyticsSummary s = summary(null);
        assertThat(s.aiResolutionRate()).isCloseTo(0.4, within(1e-9));
        assertThat(s.escalationRate()).isCloseTo(0.6, within(1e-9));
        assertThat(s.escalationsByReason()).containsExactly(Map.entry("LOW_CONFIDENCE", 2L),
                Map.entry("HUMAN_REQUESTED", 1L));
    }

    @Test
    void firstResponseAndResolutionTimesHaveAverageMedianAndP90() {
        AnalyticsSummary s = summary(null);
        assertThat(s.firstResponseSeconds().count()).isEqualTo(5);
        assertThat(s.firstResponseSeconds().avg()).isCloseTo(30.0, within(1e-9));
        assertThat(s.firstResponseSeconds().median()).isCloseTo(30.0, within(1e-9));
        assertThat(s.firstResponseSeconds().p90()).isCloseTo(46.0, within(1e-9));
        assertThat(s.resolutionSeconds().count()).isEqualTo(3);
        assertThat(s.resolutionSeconds().avg()).isCloseTo(350.0 / 3, within(1e-9));
        assertThat(s.resolutionSeconds().median()).isCloseTo(40.0, within(1e-9));
        assertThat(s.resolutionSeconds().p90()).isCloseTo(248.0, within(1e-9));
    }

    @Test
    void csatHasAverageResponsesAndDistribution() {
        AnalyticsSummary s = summary(null);
        assertThat(s.csat().average()).isCloseTo(4.5, within(1e-9));
        assertThat(s.csat().responses()).isEqualTo(2);
        assertThat(s.csat().distribution()).containsEntry(4, 1L).containsEntry(5, 1L).containsEntry(1, 0L);
    }

    @Test
    void breaksDownByDayAndChannel() {
        AnalyticsSummary s = summary(null);
        assertThat(s.conversationsByDay()).containsExactly(
                new AnalyticsSummary.DayCount(DAY_ONE, 4, 2, 2), new AnalyticsSummary.DayCount(DAY_TWO, 1, 0, 1));
        assertThat(s.byChannel()).containsExactly(Map.entry("web", 4L), Map.entry("email", 1L));
        assertThat(summary("email").totalConversations()).isEqualTo(1);
    }

    @Test
    void groupsSimilarQuestionsAndListsKnowledgeGaps() {
        AnalyticsSummary s = summary(null);
        assertThat(s.unansweredQuestions()).singleElement().satisfies(group -> {
            assertThat(group.count()).isEqualTo(2);
            assertThat(group.variants()).containsExactlyInAnyOrder("where is my refund", "Where is my refund??");
        });
        assertThat(s.topQuestions().getFirst().count()).isEqualTo(2);
        assertThat(s.topQuestions()).extracting(AnalyticsSummary.QuestionGroup::count).containsExactly(2L, 1L, 1L, 1L);
    }

    @Test
    void aTeamFilterCountsOnlyThatTeamsConversations() {
        UUID team = UUID.randomUUID();
        AnalyticsSummary none = reports.summary(new AnalyticsFilter(DAY_ONE, DAY_TWO, null, team));
        assertThat(none.totalConversations()).isZero();
        UUID teamConversation = conversationsOn(DAY_TWO).getFirst();
        conversations.update(teamConversation, new dev.parley.conversation.ConversationChanges(null, null, null, false,
                team, false));
        AnalyticsSummary one = reports.summary(new AnalyticsFilter(DAY_ONE, DAY_TWO, null, team));
        assertThat(one.totalConversations()).isEqualTo(1);
        assertThat(one.escalationsByReason()).containsExactly(Map.entry("HUMAN_REQUESTED", 1L));
        conversations.update(teamConversation, new dev.parley.conversation.ConversationChanges(null, null, null, false,
                null, true));
    }

    List<UUID> conversationsOn(LocalDate day) {
        return jdbc.sql("SELECT conversation_id FROM analytics_conversation WHERE created_day = :d")
                .param("d", day).query(UUID.class).list();
    }

    @Test
    void tokensAndCostComeFromRecordedModelCalls() {
        AnalyticsSummary s = summary(null);
        assertThat(s.totalTokens()).isEqualTo(1_500 + 300);
        assertThat(s.totalCostUsd()).isCloseTo(0.004, within(1e-9));
        assertThat(s.costPerAiResolution()).isCloseTo(0.002, within(1e-9));
    }

    @Test
    void aiResolutionIsConfirmedByAYesAssumedWithoutAClickAndLostByANo() {
        AnalyticsSummary s = feedbackSummary();
        assertThat(s.totalConversations()).isEqualTo(4);
        assertThat(s.aiResolutionRate()).isCloseTo(0.75, within(1e-9));
        assertThat(s.aiResolution().resolved()).isEqualTo(3);
        assertThat(s.aiResolution().confirmed()).isEqualTo(1);
        assertThat(s.aiResolution().assumed()).isEqualTo(2);
        assertThat(s.aiResolution().confirmedRate()).isCloseTo(0.25, within(1e-9));
        assertThat(s.aiResolution().assumedRate()).isCloseTo(0.5, within(1e-9));
        assertThat(s.escalationsByReason()).containsExactly(Map.entry("NOT_HELPFUL", 1L));
    }

    @Test
    void durableResolutionCountsAiResolutionsNotReopenedWithinSevenDaysOnceTheWindowEnded() {
        assertThat(beforeWindowsEnded.aiResolution().durable()).isZero();
        AnalyticsSummary s = feedbackSummary();
        assertThat(s.aiResolution().durable()).isEqualTo(2); // "yes" and "silent"; "reopened" came back, "no" escalated
        assertThat(s.aiResolution().durableRate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theRollupsAgreeWithARecountOfTheConversations() {
        AnalyticsFilter day = new AnalyticsFilter(FEEDBACK_DAY, FEEDBACK_DAY, null, null);
        assertThat(rollupQueries.totals(day)).isEqualTo(factsQueries.totals(day));
        AnalyticsFilter old = new AnalyticsFilter(DAY_ONE, DAY_TWO, null, null);
        assertThat(rollupQueries.totals(old)).isEqualTo(factsQueries.totals(old));
        assertThat(summary(null).aiResolution().confirmed()).isZero(); // nobody was asked before the feature
    }

    @Test
    void theCsvSaysHowEachAiResolutionIsKnown() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        export.write(new AnalyticsFilter(FEEDBACK_DAY, FEEDBACK_DAY, null, null), null, out);
        List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).endsWith(",csat,ai_resolution,durable_resolution");
        Map<UUID, String> tails = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            tails.put(UUID.fromString(cells[0]), cells[cells.length - 2] + "," + cells[cells.length - 1]);
        }
        assertThat(tails).containsEntry(feedbackConversations.get("yes"), "confirmed,true")
                .containsEntry(feedbackConversations.get("silent"), "assumed,true")
                .containsEntry(feedbackConversations.get("reopened"), "assumed,false")
                .containsEntry(feedbackConversations.get("no"), ",");
    }
}
