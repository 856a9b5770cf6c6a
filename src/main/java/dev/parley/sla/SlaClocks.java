package dev.parley.sla;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.sla.internal.SlaClockRepository;
import dev.parley.sla.internal.SlaClockRepository.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each conversation's SLA clock: started when it is handed to people (due times in the business hours of its team,
 * or the workspace's), stopped by the first visible reply of a person and by resolution, re-targeted when its
 * priority or team changes. Breaches are found by {@link #recordBreaches()}, counted once and published.
 */
@Service
public class SlaClocks {

    private final SlaClockRepository clocks;
    private final SlaPolicies policies;
    private final BusinessCalendars calendars;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final SlaSettings settings;
    private final Clock clock;
    private final Map<SlaStatus.Target, Counter> breaches = new EnumMap<>(SlaStatus.Target.class);

    SlaClocks(SlaClockRepository clocks, SlaPolicies policies, BusinessCalendars calendars,
            Conversations conversations, ApplicationEventPublisher events, SlaSettings settings, Clock clock,
            MeterRegistry meters) {
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
        this.conversations = conversations;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        for (SlaStatus.Target target : SlaStatus.Target.values()) {
            breaches.put(target, Counter.builder("parley.sla.breaches")
                    .description("SLA targets that passed their due time unmet")
                    .tag("target", target.name().toLowerCase(java.util.Locale.ROOT)).register(meters));
        }
    }

    /** Starts the clock at {@code at} unless it runs already; true when it started now. */
    @Transactional
    public boolean start(UUID conversationId, Instant at) {
        Conversation c = conversations.get(conversationId);
        SlaPolicy policy = policies.of(c.priority());
        BusinessHours hours = calendars.forTeam(c.teamId());
        return clocks.start(conversationId, c.channel(), c.createdAt(), c.priority(), c.teamId(), at, due(hours, at, policy.firstResponse()),
                due(hours, at, policy.resolution()));
    }

    /** Sets new due times from the start when the conversation's priority or team is not what the clock has. */
    @Transactional
    public void followChanges(UUID conversationId) {
        Optional<Row> row = clocks.find(conversationId);
        if (row.isEmpty()) {
            return;
        }
        Conversation c = conversations.get(conversationId);
        if (row.get().priority() == c.priority() && java.util.Objects.equals(row.get().teamId(), c.teamId())) {
            return;
        }
        SlaPolicy policy = policies.of(c.priority());
        BusinessHours hours = calendars.forTeam(c.teamId());
        Instant start = row.get().startedAt();
        clocks.retarget(conversationId, c.priority(), c.teamId(), due(hours, start, policy.firstResponse()),
                due(hours, start, policy.resolution()));
    }

    /** A person took the conversation over from the assistant at {@code at}: the first response is met then. */
    @Transactional
    public void takenOver(UUID conversationId, Instant at) {
        start(conversationId, at);
        clocks.firstResponded(conversationId, at);
    }

    /** A person's first visible reply meets the first-response target. */
    @Transactional
    public boolean firstResponded(UUID conversationId, Instant at) {
        startedBeforeIfEscalated(conversationId);
        return clocks.firstResponded(conversationId, at);
    }

    /** Resolving (or closing) meets the resolution target; reopening later does not restart it. */
    @Transactional
    public boolean resolved(UUID conversationId, Instant at) {
        startedBeforeIfEscalated(conversationId);
        return clocks.resolved(conversationId, at);
    }

    // Listeners run concurrently: a reply handled before the escalation's listener still finds its clock.
    private void startedBeforeIfEscalated(UUID conversationId) {
        conversations.find(conversationId).filter(c -> c.escalatedAt() != null)
                .ifPresent(c -> start(conversationId, c.escalatedAt()));
    }

    /** The running target of each conversation that has one, in the order asked. */
    public Map<UUID, SlaStatus> statusOf(Collection<UUID> conversationIds) {
        Instant now = clock.instant();
        Map<UUID, SlaStatus> result = new LinkedHashMap<>();
        Lookup lookup = new Lookup();
        clocks.findAll(conversationIds)
                .forEach(row -> status(row, now, lookup).ifPresent(s -> result.put(row.conversationId(), s)));
        return result;
    }

    public Optional<SlaStatus> statusOf(UUID conversationId) {
        Instant now = clock.instant();
        return clocks.find(conversationId).flatMap(row -> status(row, now, new Lookup()));
    }

    /** Records every target that is now overdue, once each: counts it and publishes {@link SlaEvents.SlaBreached}. */
    @Transactional
    public int recordBreaches() {
        Instant now = clock.instant();
        int recorded = 0;
        for (Row row : clocks.firstResponseOverdue(now, 500)) {
            if (clocks.markFirstResponseBreached(row.conversationId(), row.firstResponseDue())) {
                breached(row, SlaStatus.Target.FIRST_RESPONSE, row.firstResponseDue(), now);
                recorded++;
            }
        }
        for (Row row : clocks.resolutionOverdue(now, 500)) {
            if (clocks.markResolutionBreached(row.conversationId(), row.resolutionDue())) {
                breached(row, SlaStatus.Target.RESOLUTION, row.resolutionDue(), now);
                recorded++;
            }
        }
        return recorded;
    }

    private void breached(Row row, SlaStatus.Target target, Instant due, Instant now) {
        breaches.get(target).increment();
        Conversation c = conversations.find(row.conversationId()).orElse(null);
        events.publishEvent(new SlaEvents.SlaBreached(row.conversationId(), target, due,
                c == null ? null : c.assigneeId(), row.teamId(), c == null ? null : c.subject(), now));
    }

    /** Policies and calendars read once per question, not once per conversation. */
    private final class Lookup {
        private Map<dev.parley.conversation.Priority, SlaPolicy> policyByPriority;
        private final Map<Optional<UUID>, BusinessHours> hoursByTeam = new java.util.HashMap<>();

        SlaPolicy policy(dev.parley.conversation.Priority priority) {
            if (policyByPriority == null) {
                policyByPriority = policies.all();
            }
            return policyByPriority.get(priority);
        }

        BusinessHours hours(UUID teamId) {
            return hoursByTeam.computeIfAbsent(Optional.ofNullable(teamId), t -> calendars.forTeam(teamId));
        }
    }

    private Optional<SlaStatus> status(Row row, Instant now, Lookup lookup) {
        if (row.firstResponseAt() == null && row.firstResponseDue() != null) {
            return Optional.of(status(row, SlaStatus.Target.FIRST_RESPONSE, row.firstResponseDue(),
                    lookup.policy(row.priority()).firstResponse(), now, lookup));
        }
        if (row.resolvedAt() == null && row.resolutionDue() != null) {
            return Optional.of(status(row, SlaStatus.Target.RESOLUTION, row.resolutionDue(),
                    lookup.policy(row.priority()).resolution(), now, lookup));
        }
        return Optional.empty();
    }

    private SlaStatus status(Row row, SlaStatus.Target target, Instant due, Duration budget, Instant now,
            Lookup lookup) {
        boolean breached = !due.isAfter(now);
        boolean warning = false;
        if (!breached) {
            Duration left = lookup.hours(row.teamId()).openTimeBetween(now, due);
            Duration whole = budget != null ? budget : Duration.between(row.startedAt(), due);
            warning = left.toSeconds() < whole.toSeconds() * settings.warningShare();
        }
        return new SlaStatus(row.conversationId(), target, due, breached, warning);
    }

    private static Instant due(BusinessHours hours, Instant from, Duration target) {
        return target == null ? null : hours.plus(from, target).orElse(null);
    }
}
