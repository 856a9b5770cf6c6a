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
}
