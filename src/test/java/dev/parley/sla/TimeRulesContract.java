package dev.parley.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.Priority;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.sla.internal.InactivityRules;
import dev.parley.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The time rules against a real database: due times in the team's business hours, stopped by the first reply of a
 * person, re-targeted by a new priority, breaches counted once, and idle conversations resolved and closed with a
 * notice to the customer. Time is moved by a test clock, never slept. Runs on H2 and on PostgreSQL.
 */
@RecordApplicationEvents
abstract class TimeRulesContract {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TestConfiguration
    static class Clocked {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(berlin("2026-12-11T16:30")); // a Friday afternoon
        }

        @Bean
        BrokenConversations brokenConversations() {
            return new BrokenConversations();
        }
    }

    /** Makes finishing chosen conversations fail every time: a listener inside the rule's transaction throws. */
    static class BrokenConversations {
        final Set<UUID> failing = ConcurrentHashMap.newKeySet();

        @EventListener
        void on(SlaEvents.ConversationAutoFinished finished) {
            if (failing.contains(finished.conversationId())) {
                throw new IllegalStateException("broken conversation " + finished.conversationId());
            }
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    Conversations conversations;
    @Autowired
    BusinessCalendars calendars;
    @Autowired
    SlaClocks clocks;
    @Autowired
    InactivityRules inactivity;
    @Autowired
    AuditLog audit;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationEvents events;
    @Autowired
    BrokenConversations broken;

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @BeforeEach
    void officeHoursInBerlin() {
        clock.set(berlin("2026-12-11T16:30"));
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, "09:00-17:00");
        }
        calendars.save(Actor.SYSTEM, null, new CalendarInput("Europe/Berlin", week, "2026-12-24 Christmas Eve"));
    }

    private UUID escalated() {
        UUID id = conversations.start(new NewConversation("web", new Customer("Ada", null, null), null, null))
                .conversation().id();
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, null);
        await().until(() -> clocks.statusOf(id).isPresent());
        return id;
    }

    @Test
    void theFirstResponseIsDueInTheTeamsBusinessHoursNotOverTheWeekend() {
        UUID id = escalated();
        // MEDIUM: 4 business hours = 30 min on Friday + 3 h 30 min on Monday
        SlaStatus status = clocks.statusOf(id).orElseThrow();
        assertThat(status.target()).isEqualTo(SlaStatus.Target.FIRST_RESPONSE);
        assertThat(status.dueAt()).isEqualTo(berlin("2026-12-14T12:30"));
        assertThat(status.breached()).isFalse();
        assertThat(status.warning()).isFalse();
        assertThat(status.describe(clock.instant())).isEqualTo("First response due in 2 days");
        clock.set(berlin("2026-12-14T12:05"));
        assertThat(clocks.statusOf(id).orElseThrow().describe(clock.instant())).isEqualTo("First response due in 25 min");
        assertThat(clocks.statusOf(id).orElseThrow().warning()).isTrue(); // 25 of 240 minutes left
    }

    @Test
    void anAgentsFirstVisibleReplyStopsTheFirstResponseClockAndTheResolutionClockRuns() {
        UUID id = escalated();
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "a note", true);
        conversations.postReply(id, AuthorType.SYSTEM, null, "Parley", "a system line", false);
        assertThat(clocks.statusOf(id).orElseThrow().target()).isEqualTo(SlaStatus.Target.FIRST_RESPONSE);
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Hello Ada", false);
        await().until(() -> clocks.statusOf(id).map(s -> s.target() == SlaStatus.Target.RESOLUTION).orElse(false));
        // MEDIUM resolution: 24 business hours = 30 min Friday, 8 h Monday and Tuesday, 7 h 30 min Wednesday
        assertThat(clocks.statusOf(id).orElseThrow().dueAt()).isEqualTo(berlin("2026-12-16T16:30"));
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        await().until(() -> clocks.statusOf(id).isEmpty());
    }

    @Test
    void aNewPriorityMovesTheDueTime() {
        UUID id = escalated();
        conversations.update(id, ConversationChanges.priority(Priority.URGENT));
        // URGENT: 15 business minutes from Friday 16:30
        await().until(() -> clocks.statusOf(id).map(s -> s.dueAt().equals(berlin("2026-12-11T16:45"))).orElse(false));
    }

    @Test
    void aBreachIsRecordedOnceCountedAndPublished() {
        UUID id = escalated();
        conversations.update(id, ConversationChanges.priority(Priority.URGENT));
        await().until(() -> clocks.statusOf(id).map(s -> s.dueAt().equals(berlin("2026-12-11T16:45"))).orElse(false));
        double before = meters.counter("parley.sla.breaches", "target", "first_response").count();
        clock.set(berlin("2026-12-11T16:44"));
        clocks.recordBreaches();
        assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.conversationId().equals(id))).isEmpty();
        clock.set(berlin("2026-12-11T16:55"));
        clocks.recordBreaches();
        clocks.recordBreaches();
        assertThat(events.stream(SlaEvents.SlaBreached.class).filter(e -> e.conversationId().equals(id)))
                .singleElement().satisfies(e -> {
                    assertThat(e.target()).isEqualTo(SlaStatus.Target.FIRST_RESPONSE);
                    assertThat(e.dueAt()).isEqualTo(berlin("2026-12-11T16:45"));
                });
        // other tests' conversations may breach at the same moment: one count per published breach
        long published = events.stream(SlaEvents.SlaBreached.class)
                .filter(e -> e.target() == SlaStatus.Target.FIRST_RESPONSE).count();
        assertThat(meters.counter("parley.sla.breaches", "target", "first_response").count())
                .isEqualTo(before + published);
        SlaStatus status = clocks.statusOf(id).orElseThrow();
        assertThat(status.breached()).isTrue();
        assertThat(status.state()).isEqualTo("breached");
        assertThat(status.describe(clock.instant())).isEqualTo("First response breached 10 min ago");
    }

    @Test
    void aConversationWaitingOnTheCustomerTooLongIsResolvedWithANoticeAndAudited() {
        UUID id = escalated();
        conversations.changeStatus(id, ConversationStatus.WAITING_CUSTOMER);
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        inactivity.run();
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.WAITING_CUSTOMER);
        clock.advance(Duration.ofMinutes(2));
        inactivity.run();
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.RESOLVED);
        List<Message> seen = conversations.visibleMessages(id, 0, 50);
        assertThat(seen).anySatisfy(m -> {
            assertThat(m.authorType()).isEqualTo(AuthorType.SYSTEM);
            assertThat(m.text()).contains("marked this conversation as resolved");
        });
        assertThat(audit.page("conversation.auto-resolve", 0, 50))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo(id.toString()));
    }

    @Test
    void aResolvedConversationIsClosedAfterTheConfiguredDaysWithANotice() {
        UUID id = escalated();
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        clock.advance(Duration.ofDays(14).minusMinutes(1));
        inactivity.run();
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.RESOLVED);
        clock.advance(Duration.ofMinutes(2));
        inactivity.run();
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(conversations.visibleMessages(id, 0, 50))
                .anySatisfy(m -> assertThat(m.text()).contains("This conversation is now closed"));
        assertThat(audit.page("conversation.auto-close", 0, 50))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo(id.toString()));
    }

    @Test
    void moreConversationsThatFailEveryTimeThanAPassTakesDoNotKeepTheOnesBehindThemFromBeingResolved() {
        try {
            for (int i = 0; i < 101; i++) { // a pass finishes up to 100
                broken.failing.add(waitingOnCustomer());
            }
            clock.advance(Duration.ofMinutes(1)); // idle a minute less: behind all of them
            UUID healthy = waitingOnCustomer();
            clock.advance(Duration.ofDays(8));
            inactivity.run();
            assertThat(conversations.get(healthy).status()).isEqualTo(ConversationStatus.RESOLVED);
            assertThat(broken.failing).allSatisfy(id ->
                    assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.WAITING_CUSTOMER));
            List<UUID> mended = List.copyOf(broken.failing);
            broken.failing.clear(); // mended: the next passes get to them, 100 at a time
            for (int pass = 0; pass < 5 && inactivity.run() > 0; pass++) {
                // until a pass finds nothing more to do
            }
            assertThat(mended).allSatisfy(id ->
                    assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.RESOLVED));
        } finally {
            broken.failing.clear();
        }
    }

    private UUID waitingOnCustomer() {
        UUID id = conversations.start(new NewConversation("web", new Customer("Ada", null, null), null, null))
                .conversation().id();
        conversations.changeStatus(id, ConversationStatus.WAITING_CUSTOMER);
        return id;
    }

    @Test
    void aCustomerWhoRepliedInTimeIsNotResolved() {
        UUID id = escalated();
        conversations.changeStatus(id, ConversationStatus.WAITING_CUSTOMER);
        clock.advance(Duration.ofDays(5));
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Any news?", false);
        clock.advance(Duration.ofDays(3));
        inactivity.run();
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.WAITING_CUSTOMER);
    }

    @Test
    void aTeamWithoutHoursOfItsOwnWorksTheWorkspacesAndSavedHoursReadBack() {
        BusinessCalendars.Calendar workspace = calendars.calendar(null);
        assertThat(workspace.own()).isTrue();
        assertThat(workspace.hours().zone()).isEqualTo(BERLIN);
        assertThat(workspace.hours().on(DayOfWeek.MONDAY)).hasSize(1);
        assertThat(workspace.hours().on(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(workspace.holidayNames()).containsEntry(java.time.LocalDate.parse("2026-12-24"), "Christmas Eve");
    }
}
