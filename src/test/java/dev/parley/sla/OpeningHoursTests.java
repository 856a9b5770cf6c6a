package dev.parley.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpeningHoursTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessHours WEEKDAYS = new BusinessHours(BERLIN, Map.of(
            DayOfWeek.MONDAY, List.of(new OpenInterval(LocalTime.of(9, 0), LocalTime.of(17, 0))),
            DayOfWeek.TUESDAY, List.of(new OpenInterval(LocalTime.of(9, 0), LocalTime.of(17, 0))),
            DayOfWeek.FRIDAY, List.of(new OpenInterval(LocalTime.of(9, 0), LocalTime.of(17, 0)))),
            Set.of(LocalDate.parse("2026-12-28"), LocalDate.parse("2026-12-29"), LocalDate.parse("2027-01-01")));

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static String back(String now) {
        Instant at = berlin(now);
        return OpeningHours.backAt(WEEKDAYS, at, WEEKDAYS.nextOpening(at).orElseThrow());
    }

    @Test
    void saysTodayTomorrowOrTheWeekdayTheTeamIsBack() {
        assertThat(back("2026-12-07T07:30")).isEqualTo("We're back today at 09:00 (Europe/Berlin).");
        assertThat(back("2026-12-07T18:00")).isEqualTo("We're back tomorrow at 09:00 (Europe/Berlin).");
        assertThat(back("2026-12-11T18:00")).isEqualTo("We're back Monday at 09:00 (Europe/Berlin).");
    }

    @Test
    void namesTheDateWhenHolidaysKeepTheTeamAwayForAWeekOrMore() {
        // Friday 25th evening; Mon 28, Tue 29 and Fri 1 January are holidays → Monday 4 January
        assertThat(back("2026-12-25T18:00")).isEqualTo("We're back on Monday 4 January at 09:00 (Europe/Berlin).");
    }
}
