package dev.parley.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Whether a team is working now and, when it is not, what to tell a customer who waits for a person. */
@Service
public class OpeningHours {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final BusinessCalendars calendars;
    private final Clock clock;

    OpeningHours(BusinessCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Empty while the team (null = the workspace) is open; else e.g. "We're back Monday at 09:00 (Europe/Berlin)." */
    public Optional<String> awayNotice(UUID teamId) {
        BusinessHours hours = calendars.forTeam(teamId);
        Instant now = clock.instant();
        if (hours.isOpen(now)) {
            return Optional.empty();
        }
        return Optional.of(hours.nextOpening(now).map(back -> backAt(hours, now, back))
                .orElse("Our team is not available by chat at the moment."));
    }

    /** "We're back today at 13:00 (Europe/Berlin).", "… tomorrow at …", "… Monday at …", "… on Monday 4 January at …". */
    static String backAt(BusinessHours hours, Instant now, Instant back) {
        ZonedDateTime at = back.atZone(hours.zone());
        LocalDate today = now.atZone(hours.zone()).toLocalDate();
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, at.toLocalDate());
        String day = days == 0 ? "today" : days == 1 ? "tomorrow" : days < 7 ? WEEKDAY.format(at) : "on " + DATE.format(at);
        return "We're back " + day + " at " + TIME.format(at) + " (" + hours.zone().getId() + ").";
    }
}
