package dev.parley.sla.api;

import dev.parley.conversation.Priority;
import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import dev.parley.sla.BusinessCalendars;
import dev.parley.sla.BusinessHours;
import dev.parley.sla.CalendarInput;
import dev.parley.sla.InvalidCalendar;
import dev.parley.sla.SlaPolicies;
import dev.parley.sla.SlaPolicy;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Business hours and SLA targets for admins' scripts: {@code /api/v1/admin/business-hours} (the workspace's),
 * {@code /api/v1/admin/teams/{id}/business-hours} and {@code /api/v1/admin/sla-policies}. Bad input answers 400
 * problem+json listing every mistake under {@code errors}.
 */
@RestController
@RequestMapping("/api/v1/admin")
class TimeRulesAdminApi {

    private final BusinessCalendars calendars;
    private final SlaPolicies policies;

    TimeRulesAdminApi(BusinessCalendars calendars, SlaPolicies policies) {
        this.calendars = calendars;
        this.policies = policies;
    }

    record Holiday(String date, String name) {
    }

    /** {@code week}: weekday name → intervals like "09:00-17:00"; a missing day is closed. */
    record Hours(String timeZone, Map<String, List<String>> week, List<Holiday> holidays, Boolean own) {
    }

    record Policy(Priority priority, String firstResponse, String resolution) {
    }

    @GetMapping("/business-hours")
    Hours workspace() {
        return view(calendars.calendar(null));
    }

    @PutMapping("/business-hours")
    Hours saveWorkspace(@AuthenticationPrincipal AgentPrincipal me, @RequestBody Hours hours) {
        calendars.save(me.actor(), null, input(hours));
        return view(calendars.calendar(null));
    }

    @GetMapping("/teams/{teamId}/business-hours")
    Hours team(@PathVariable UUID teamId) {
        return view(calendars.calendarOfTeam(teamId));
    }

    @PutMapping("/teams/{teamId}/business-hours")
    Hours saveTeam(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID teamId, @RequestBody Hours hours) {
        calendars.save(me.actor(), teamId, input(hours));
        return view(calendars.calendar(teamId));
    }

    @DeleteMapping("/teams/{teamId}/business-hours")
    ResponseEntity<Void> resetTeam(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID teamId) {
        calendars.useWorkspaceHours(me.actor(), teamId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sla-policies")
    List<Policy> policies() {
        return policies.all().values().stream().map(p -> new Policy(p.priority(), SlaPolicy.format(p.firstResponse()),
                SlaPolicy.format(p.resolution()))).toList();
    }

    @PutMapping("/sla-policies")
    List<Policy> savePolicies(@AuthenticationPrincipal AgentPrincipal me, @RequestBody List<Policy> body) {
        Map<Priority, String[]> targets = new EnumMap<>(Priority.class);
        for (Policy policy : body) {
            if (policy == null || policy.priority() == null) {
                throw ApiException.badRequest("Each policy needs a priority: one of LOW, MEDIUM, HIGH, URGENT");
            }
            targets.put(policy.priority(), new String[] {policy.firstResponse(), policy.resolution()});
        }
        policies.save(me.actor(), targets);
        return policies();
    }

    private static CalendarInput input(Hours hours) {
        List<String> errors = new ArrayList<>();
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        if (hours.week() != null) {
            hours.week().forEach((name, intervals) -> {
                try {
                    week.put(DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT)),
                            intervals == null ? "" : String.join(", ", intervals));
                } catch (IllegalArgumentException e) {
                    errors.add("week: '" + name + "' is not a weekday (MONDAY … SUNDAY)");
                }
            });
        }
        StringBuilder holidays = new StringBuilder();
        if (hours.holidays() != null) {
            for (Holiday holiday : hours.holidays()) {
                if (holiday == null || holiday.date() == null || holiday.date().isBlank()) {
                    errors.add("holidays: each holiday needs a date like 2026-12-25");
                    continue;
                }
                holidays.append(holiday.date().strip()).append(' ')
                        .append(holiday.name() == null ? "" : holiday.name().replaceAll("\\R", " ")).append('\n');
            }
        }
        CalendarInput input = new CalendarInput(hours.timeZone(), week, holidays.toString());
        if (!errors.isEmpty()) {
            try {
                input.parse();
            } catch (InvalidCalendar e) {
                errors.addAll(e.errors());
            }
            throw new InvalidCalendar(errors);
        }
        return input;
    }

    private static Hours view(BusinessCalendars.Calendar calendar) {
        BusinessHours hours = calendar.hours();
        Map<String, List<String>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name(), hours.on(day).stream().map(i -> i.opens() + "-"
                    + (i.closes().equals(LocalTime.MIDNIGHT) ? "24:00" : i.closes().toString())).toList());
        }
        List<Holiday> holidays = calendar.holidayNames().entrySet().stream()
                .map(e -> new Holiday(e.getKey().toString(), e.getValue().isEmpty() ? null : e.getValue())).toList();
        return new Hours(hours.zone().getId(), week, holidays, calendar.own());
    }
}
