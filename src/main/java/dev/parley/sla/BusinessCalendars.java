package dev.parley.sla;

import dev.parley.identity.Actor;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.shared.ApiException;
import dev.parley.sla.internal.BusinessHoursRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business hours of the workspace and of each team. A team without hours of its own works the workspace's; a
 * workspace without hours is open around the clock (in {@code parley.sla.default-time-zone}) until an admin sets them.
 */
@Service
public class BusinessCalendars {

    private final BusinessHoursRepository calendars;
    private final Agents agents;
    private final AuditLog audit;
    private final SlaSettings settings;
    private final Clock clock;

    BusinessCalendars(BusinessHoursRepository calendars, Agents agents, AuditLog audit, SlaSettings settings,
            Clock clock) {
        this.calendars = calendars;
        this.agents = agents;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** A calendar as stored, with whether it is the team's own or inherited. */
    public record Calendar(BusinessHours hours, Map<LocalDate, String> holidayNames, boolean own) {
    }

    /** The hours that apply to a team (null = the workspace default). */
    public BusinessHours forTeam(UUID teamId) {
        return calendar(teamId).hours();
    }

    public Calendar calendar(UUID teamId) {
        if (teamId != null) {
            Optional<BusinessHoursRepository.Stored> own = calendars.find(teamId.toString());
            if (own.isPresent()) {
                return new Calendar(own.get().hours(), own.get().holidayNames(), true);
            }
        }
        return calendars.find(BusinessHoursRepository.DEFAULT_SCOPE)
                .map(stored -> new Calendar(stored.hours(), stored.holidayNames(), teamId == null))
                .orElseGet(() -> new Calendar(BusinessHours.always(ZoneId.of(settings.defaultTimeZone())), Map.of(),
                        false));
    }

    /** The calendar an existing team works; 404 for a team that does not exist. */
    public Calendar calendarOfTeam(UUID teamId) {
        scopeOf(teamId);
        return calendar(teamId);
    }

    /** Saves the team's (or with {@code teamId} null the workspace's) hours; throws {@link InvalidCalendar}. */
    @Transactional
    public BusinessHours save(Actor actor, UUID teamId, CalendarInput input) {
        String scope = scopeOf(teamId);
        CalendarInput.Parsed parsed = input.parse();
        calendars.save(scope, parsed.hours(), parsed.holidayNames(), clock.instant());
        audit.record(actor, "business-hours.update", scope, describe(parsed.hours()));
        return parsed.hours();
    }

    /** A team goes back to the workspace's hours. */
    @Transactional
    public void useWorkspaceHours(Actor actor, UUID teamId) {
        if (teamId == null) {
            throw ApiException.badRequest("The workspace's own hours cannot be removed, only changed");
        }
        if (calendars.delete(scopeOf(teamId))) {
            audit.record(actor, "business-hours.reset", teamId.toString(), "uses the workspace's hours");
        }
    }

    private String scopeOf(UUID teamId) {
        if (teamId == null) {
            return BusinessHoursRepository.DEFAULT_SCOPE;
        }
        agents.team(teamId).orElseThrow(() -> ApiException.notFound("Team " + teamId));
        return teamId.toString();
    }

    private static String describe(BusinessHours hours) {
        StringBuilder text = new StringBuilder(hours.zone().getId());
        hours.week().forEach((day, intervals) -> text.append(' ').append(day.name(), 0, 3).append(' ')
                .append(intervals));
        if (!hours.holidays().isEmpty()) {
            text.append(", ").append(hours.holidays().size()).append(" holiday(s)");
        }
        return text.toString();
    }
}
