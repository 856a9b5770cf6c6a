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
import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.Priority;
import dev.parley.encryption.TestKeys;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.support.ModuleListeners;
import dev.parley.workspace.internal.ConversationActions;
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
    dev.parley.sla.internal.SlaDailyRollup slaRollup;
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

    /** A day of its own for escalations by hand, take-overs, waits for a person and per-agent figures. */
    static final LocalDate PEOPLE_DAY = LocalDate.of(2020, 4, 6);
    Map<String, UUID> peopleConversations = new java.util.HashMap<>();
    Agent ada;
    Agent bob;
    @Autowired
    Agents agents;
    @Autowired
    ConversationActions actions;

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
        buildPeopleFixture();
    }

    /**
     * On PEOPLE_DAY, in the web chat inbox: "manual" is answered by the assistant, escalated by Ada by hand at 09:01,
     * answered by her at 09:03 and resolved at 09:10, rated 4; "takeover" is answered by the assistant and then
     * answered by Ada (no escalation), after which the customer writes again; "queued" is escalated for low confidence
     * at 11:00:10, assigned to Bob 30 s later, answered by him at 11:03:10 and resolved at 11:05:10, rated 5, billing,
     * high priority; "ai" is resolved by the assistant alone; "waiting" asks for a person at 13:00:10 and still waits.
     */
    void buildPeopleFixture() {
        ada = TestAgents.create(agents, Role.AGENT);
        bob = TestAgents.create(agents, Role.AGENT);
        AgentPrincipal adaSignedIn = TestAgents.principal(ada);

        UUID manual = people("manual", "2020-04-06T09:00:00Z");
        ask(manual, 10, "answerable: how do I export my data");
        clock.set(Instant.parse("2020-04-06T09:01:00Z"));
        actions.changeStatus(adaSignedIn, manual, ConversationStatus.ESCALATED);
        clock.set(Instant.parse("2020-04-06T09:03:00Z"));
        actions.reply(adaSignedIn, manual, "I exported it for you", false);
        clock.set(Instant.parse("2020-04-06T09:10:00Z"));
        conversations.changeStatus(manual, ConversationStatus.RESOLVED);
        satisfaction.rate(manual, 4, null);

        UUID takeover = people("takeover", "2020-04-06T10:00:00Z");
        ask(takeover, 10, "answerable: can I change my plan");
        clock.set(Instant.parse("2020-04-06T10:05:00Z"));
        actions.reply(adaSignedIn, takeover, "I changed it for you", false);
        ask(takeover, 60, "answerable: thanks, and the invoice?");

        UUID queued = people("queued", "2020-04-06T11:00:00Z");
        ask(queued, 10, "where is my invoice");
        clock.set(Instant.parse("2020-04-06T11:00:40Z"));
        conversations.update(queued, new ConversationChanges(Priority.HIGH, "billing", bob.id(), false, null, false));
        clock.set(Instant.parse("2020-04-06T11:03:10Z"));
        conversations.postReply(queued, AuthorType.AGENT, bob.id(), bob.name(), "Here it is", false);
        clock.set(Instant.parse("2020-04-06T11:05:10Z"));
        conversations.changeStatus(queued, ConversationStatus.RESOLVED);
        satisfaction.rate(queued, 5, null);

        ask(people("ai", "2020-04-06T12:00:00Z"), 10, "answerable: opening hours");
        ask(people("waiting", "2020-04-06T13:00:00Z"), 10, "I want a human");
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.analytics");
    }

    UUID people(String name, String at) {
        UUID id = startAt(at, "web");
        peopleConversations.put(name, id);
        return id;
    }

    AnalyticsSummary peopleSummary() {
        return reports.summary(new AnalyticsFilter(PEOPLE_DAY, PEOPLE_DAY, null, null));
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
    void aQuestionWhoseSealedTextCannotBeOpenedIsLeftOutOfTheGapsAndTheReportStillAnswers() {
        String sealed = jdbc.sql("SELECT unanswered_question FROM analytics_conversation WHERE created_day BETWEEN"
                        + " :from AND :to AND unanswered_question IS NOT NULL ORDER BY conversation_id FETCH FIRST 1 ROWS ONLY")
                .param("from", DAY_ONE).param("to", DAY_TWO).query(String.class).single();
        // sealed with a key id this server does not have, as after a lost key or a damaged restore
        jdbc.sql("UPDATE analytics_conversation SET unanswered_question = :s WHERE unanswered_question = :old")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("old", sealed).update();
        try {
            assertThat(summary(null).unansweredQuestions()).singleElement()
                    .satisfies(group -> assertThat(group.count()).isEqualTo(1));
        } finally {
            jdbc.sql("UPDATE analytics_conversation SET unanswered_question = :old WHERE unanswered_question = :s")
                    .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("old", sealed)
                    .update();
        }
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
        assertThat(lines.getFirst()).contains(",csat,ai_resolution,durable_resolution,");
        Map<UUID, String> tails = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            tails.put(UUID.fromString(cells[0]), cells[cells.length - 8] + "," + cells[cells.length - 7]);
        }
        assertThat(tails).containsEntry(feedbackConversations.get("yes"), "confirmed,true")
                .containsEntry(feedbackConversations.get("silent"), "assumed,true")
                .containsEntry(feedbackConversations.get("reopened"), "assumed,false")
                .containsEntry(feedbackConversations.get("no"), ",");
    }

    @Test
    void anEscalationByHandIsCountedWithReasonManual() {
        AnalyticsSummary s = peopleSummary();
        assertThat(s.escalationsByReason()).containsOnly(Map.entry("MANUAL", 1L), Map.entry("LOW_CONFIDENCE", 1L),
                Map.entry("HUMAN_REQUESTED", 1L));
        assertThat(s.escalationRate()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void aiResolutionLeavesOutWhatAPersonTookOverOrEscalated() {
        AnalyticsSummary s = peopleSummary();
        assertThat(s.totalConversations()).isEqualTo(5);
        assertThat(s.aiResolution().resolved()).isEqualTo(1); // "ai" only: "manual" escalated, "takeover" taken over
        assertThat(s.aiResolutionRate()).isCloseTo(0.2, within(1e-9));
        assertThat(s.conversationsByDay()).containsExactly(new AnalyticsSummary.DayCount(PEOPLE_DAY, 5, 1, 3));
    }

    @Test
    void anAgentsReplyToAnAiResolvedConversationTakesItOver() {
        UUID takeover = peopleConversations.get("takeover");
        var conversation = conversations.get(takeover);
        assertThat(conversation.status()).isEqualTo(ConversationStatus.IN_PROGRESS);
        assertThat(conversation.assigneeId()).isEqualTo(ada.id());
        List<dev.parley.conversation.Message> messages = conversations.visibleMessages(takeover, 0, 20);
        assertThat(messages.getLast().authorType()).isEqualTo(AuthorType.CUSTOMER); // the assistant stayed quiet
        assertThat(messages).extracting(dev.parley.conversation.Message::authorType).containsExactly(
                AuthorType.CUSTOMER, AuthorType.ASSISTANT, AuthorType.AGENT, AuthorType.CUSTOMER);
    }

    @Test
    void measuresTheWaitForAPersonFromTheEscalation() {
        AnalyticsSummary s = peopleSummary();
        // "manual": escalated 09:01, answered 09:03; "queued": escalated 11:00:10, answered 11:03:10
        assertThat(s.humanFirstResponseSeconds()).isEqualTo(new AnalyticsSummary.Durations(150.0, 150.0, 174.0, 2));
        // "manual" picked up by Ada's reply after 120 s, "queued" assigned to Bob after 30 s; "waiting" still waits
        assertThat(s.queueWaitSeconds()).isEqualTo(new AnalyticsSummary.Durations(75.0, 75.0, 111.0, 2));
        // the existing first response still counts the assistant's reply (10 s each)
        assertThat(s.firstResponseSeconds().avg()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void givesEachAgentTheirConversationsTimesAndCsat() {
        assertThat(peopleSummary().agents()).containsExactly(
                new AnalyticsSummary.AgentFigures(ada.id(), ada.name(), 2, 120.0, 1, 600.0, 1, 4.0, 1),
                new AnalyticsSummary.AgentFigures(bob.id(), bob.name(), 1, 180.0, 1, 310.0, 1, 5.0, 1));
    }

    @Test
    void countsConversationsByInboxCategoryAndPriority() {
        AnalyticsSummary s = peopleSummary();
        assertThat(s.byInbox()).containsExactly(new AnalyticsSummary.VolumeCount(
                dev.parley.conversation.Inboxes.WEBSITE_CHAT.toString(), "Website chat", 5));
        assertThat(s.byCategory()).containsExactly(new AnalyticsSummary.VolumeCount(null, "No category", 4),
                new AnalyticsSummary.VolumeCount("billing", "billing", 1));
        assertThat(s.byPriority()).containsExactly(new AnalyticsSummary.VolumeCount("MEDIUM", "Medium", 4),
                new AnalyticsSummary.VolumeCount("HIGH", "High", 1));
    }

    @Test
    void theNewRollupsAgreeWithARecountOfTheConversations() {
        AnalyticsFilter day = new AnalyticsFilter(PEOPLE_DAY, PEOPLE_DAY, null, null);
        assertThat(rollupQueries.totals(day)).isEqualTo(factsQueries.totals(day));
        assertThat(rollupQueries.agents(day)).isEqualTo(factsQueries.agents(day));
        for (String dimension : List.of("inbox", "category", "priority")) {
            assertThat(rollupQueries.volume(dimension, day)).isEqualTo(factsQueries.volume(dimension, day));
        }
        assertThat(rollupQueries.durations("human_response", day).count()).isEqualTo(2);
        assertThat(rollupQueries.durations("queue_wait", day).avg()).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void theCsvSaysWhoHandledEachConversationAndHowLongItsCustomerWaited() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        export.write(new AnalyticsFilter(PEOPLE_DAY, PEOPLE_DAY, null, null), null, out);
        List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        assertThat(header).endsWith("inbox_id", "handled_by_agent_id", "taken_over", "human_first_response_seconds",
                "queue_wait_seconds", "tags");
        Map<UUID, List<String>> rows = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            rows.put(UUID.fromString(cells.getFirst()), cells.subList(cells.size() - 6, cells.size() - 1));
        }
        String inbox = dev.parley.conversation.Inboxes.WEBSITE_CHAT.toString();
        assertThat(rows.get(peopleConversations.get("manual")))
                .containsExactly(inbox, ada.id().toString(), "true", "120", "120");
        assertThat(rows.get(peopleConversations.get("takeover")))
                .containsExactly(inbox, ada.id().toString(), "true", "", "");
        assertThat(rows.get(peopleConversations.get("ai"))).containsExactly(inbox, "", "false", "", "");
    }

    @Test
    void slaComplianceCountsTargetsMetInTimeAgainstTheBreached() {
        Instant before = clock.instant();
        try {
            // 2020-05-04, open around the clock (no business hours set); URGENT: first response 15 min
            UUID late = startAt("2020-05-04T09:00:00Z", "web");
            conversations.update(late, ConversationChanges.priority(Priority.URGENT));
            ask(late, 10, "I want to talk to a human");
            clock.set(Instant.parse("2020-05-04T09:30:00Z"));
            conversations.postReply(late, AuthorType.AGENT, null, "Grace", "Sorry for the wait", false);
            clock.set(Instant.parse("2020-05-04T09:40:00Z"));
            conversations.changeStatus(late, ConversationStatus.RESOLVED);
            UUID unanswered = startAt("2020-05-04T10:00:00Z", "email");
            conversations.update(unanswered, ConversationChanges.priority(Priority.URGENT));
            ask(unanswered, 10, "I want a human");
            UUID inTime = startAt("2020-05-04T11:00:00Z", "web");
            ask(inTime, 10, "a human please");
            clock.set(Instant.parse("2020-05-04T11:05:00Z"));
            conversations.postReply(inTime, AuthorType.AGENT, null, "Grace", "Hi", false);
            clock.set(Instant.parse("2020-05-04T12:00:00Z"));
            LocalDate day = LocalDate.parse("2020-05-04");
            org.awaitility.Awaitility.await().untilAsserted(() -> {
                var sla = reports.summary(new AnalyticsFilter(day, day, null, null)).slaCompliance();
                // late: answered after 30 min; unanswered: 2 h past due; inTime: answered in 5 min
                assertThat(sla.firstResponse().met()).isEqualTo(1);
                assertThat(sla.firstResponse().breached()).isEqualTo(2);
                assertThat(sla.firstResponse().rate()).isCloseTo(1 / 3.0, within(1e-9));
                // late resolved in 40 min of its 4 h; the others' resolution is not due yet
                assertThat(sla.resolution().met()).isEqualTo(1);
                assertThat(sla.resolution().breached()).isZero();
                assertThat(sla.resolution().rate()).isEqualTo(1.0);
            });
            var web = reports.summary(new AnalyticsFilter(day, day, "web", null)).slaCompliance();
            assertThat(web.firstResponse().met()).isEqualTo(1);
            assertThat(web.firstResponse().breached()).isEqualTo(1);
            var none = reports.summary(new AnalyticsFilter(day.plusDays(1), day.plusDays(1), null, null)).slaCompliance();
            assertThat(none.firstResponse().rate()).isNull();

            // A day already counted changes again: inTime resolved within its 24 h, unanswered answered late.
            conversations.changeStatus(inTime, ConversationStatus.RESOLVED);
            conversations.postReply(unanswered, AuthorType.AGENT, null, "Grace", "Sorry, we are late", false);
            org.awaitility.Awaitility.await().untilAsserted(() -> {
                var sla = reports.summary(new AnalyticsFilter(day, day, null, null)).slaCompliance();
                assertThat(sla.resolution().met()).isEqualTo(2);
                assertThat(sla.firstResponse().met()).isEqualTo(1);
                assertThat(sla.firstResponse().breached()).isEqualTo(2);
            });
            // Once the sweep has counted the day, the figures come from the daily counts and stay the same.
            assertThat(slaRollup.rebuildMarkedDays()).isPositive();
            var counted = reports.summary(new AnalyticsFilter(day, day, null, null)).slaCompliance();
            assertThat(counted.resolution().met()).isEqualTo(2);
            assertThat(counted.firstResponse().met()).isEqualTo(1);
            assertThat(counted.firstResponse().breached()).isEqualTo(2);
            var countedWeb = reports.summary(new AnalyticsFilter(day, day, "web", null)).slaCompliance();
            assertThat(countedWeb.firstResponse().met()).isEqualTo(1);
            assertThat(countedWeb.firstResponse().breached()).isEqualTo(1);
        } finally {
            clock.set(before);
        }
    }
}
