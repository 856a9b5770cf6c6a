package dev.parley.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static OpenInterval interval(String opens, String closes) {
        return new OpenInterval(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** Monday to Friday 09:00–17:00 in Berlin. */
    private static BusinessHours officeHours(Set<LocalDate> holidays) {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(interval("09:00", "17:00")));
        }
        return new BusinessHours(BERLIN, week, holidays);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void addsMinutesWithinTheSameOpenPeriod() {
        assertThat(officeHours(Set.of()).plus(berlin("2026-12-07T10:00"), Duration.ofMinutes(30)))
                .contains(berlin("2026-12-07T10:30"));
    }

    @Test
    void carriesWhatIsLeftAtClosingIntoTheNextOpening() {
        // Monday 16:30 + 1 h = 30 min on Monday, 30 min on Tuesday from 09:00
        assertThat(officeHours(Set.of()).plus(berlin("2026-12-07T16:30"), Duration.ofHours(1)))
                .contains(berlin("2026-12-08T09:30"));
    }

    @Test
    void skipsTheWeekend() {
        // Friday 16:00 + 2 h = 1 h on Friday, 1 h on Monday
        assertThat(officeHours(Set.of()).plus(berlin("2026-12-11T16:00"), Duration.ofHours(2)))
                .contains(berlin("2026-12-14T10:00"));
    }

    @Test
    void startsCountingAtTheNextOpeningWhenClosed() {
        // Saturday night: the clock starts Monday 09:00
        assertThat(officeHours(Set.of()).plus(berlin("2026-12-12T23:00"), Duration.ofMinutes(45)))
                .contains(berlin("2026-12-14T09:45"));
    }

    @Test
    void skipsHolidays() {
        BusinessHours hours = officeHours(Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
        // Wednesday 23rd 16:00 + 2 h: 1 h that day, Thu 24 and Fri 25 are holidays, 1 h on Monday 28th
        assertThat(hours.plus(berlin("2026-12-23T16:00"), Duration.ofHours(2))).contains(berlin("2026-12-28T10:00"));
        assertThat(hours.isOpen(berlin("2026-12-24T10:00"))).isFalse();
        assertThat(hours.nextOpening(berlin("2026-12-24T10:00"))).contains(berlin("2026-12-28T09:00"));
    }

    @Test
    void countsWallClockHoursAcrossTheSpringForwardJump() {
        // 29 March 2026: Berlin jumps from 02:00 to 03:00. Open all Sunday: 01:30 + 1 h of open time is 03:30.
        BusinessHours hours = BusinessHours.always(BERLIN);
        assertThat(hours.plus(berlin("2026-03-29T01:30"), Duration.ofHours(1))).contains(berlin("2026-03-29T03:30"));
    }

    @Test
    void countsTheRepeatedHourOnceItIsLivedThroughTwiceInAutumn() {
        // 25 October 2026: 03:00 falls back to 02:00. Open 00:00–06:00 is 7 real hours that night.
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of(interval("00:00", "06:00")));
        BusinessHours hours = new BusinessHours(BERLIN, week, Set.of());
        Instant midnight = berlin("2026-10-25T00:00");
        assertThat(hours.plus(midnight, Duration.ofHours(7))).contains(Instant.parse("2026-10-25T05:00:00Z"));
        assertThat(hours.plus(midnight, Duration.ofHours(7).plusMinutes(1)))
                .contains(berlin("2026-11-01T00:01"));
    }

    @Test
    void anOpeningTimeSkippedByDaylightSavingOpensAfterTheGap() {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of(interval("02:30", "04:00")));
        BusinessHours hours = new BusinessHours(BERLIN, week, Set.of());
        // 02:30 does not exist on 29 March 2026; the shift opens at 03:30 (summer time) and lasts 30 minutes.
        assertThat(hours.nextOpening(berlin("2026-03-29T00:00"))).contains(berlin("2026-03-29T03:30"));
        assertThat(hours.plus(berlin("2026-03-29T00:00"), Duration.ofMinutes(30))).contains(berlin("2026-03-29T04:00"));
    }

    @Test
    void anOvernightShiftRunsPastMidnight() {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(interval("22:00", "06:00")));
        BusinessHours hours = new BusinessHours(BERLIN, week, Set.of());
        assertThat(hours.isOpen(berlin("2026-12-07T23:00"))).isTrue();
        assertThat(hours.isOpen(berlin("2026-12-08T05:59"))).isTrue();
        assertThat(hours.isOpen(berlin("2026-12-08T06:00"))).isFalse();
        assertThat(hours.plus(berlin("2026-12-07T21:00"), Duration.ofHours(3))).contains(berlin("2026-12-08T01:00"));
        // 2 h left at 06:00 Tuesday wait for next Monday 22:00
        assertThat(hours.plus(berlin("2026-12-08T04:00"), Duration.ofHours(4))).contains(berlin("2026-12-15T00:00"));
    }

    @Test
    void anOvernightShiftBegunBeforeAHolidayEndsAsPlanned() {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(interval("22:00", "06:00")));
        week.put(DayOfWeek.TUESDAY, List.of(interval("22:00", "06:00")));
        BusinessHours hours = new BusinessHours(BERLIN, week, Set.of(LocalDate.parse("2026-12-08")));
        assertThat(hours.isOpen(berlin("2026-12-08T03:00"))).isTrue();
        assertThat(hours.isOpen(berlin("2026-12-08T23:00"))).isFalse();
    }

    @Test
    void overlappingIntervalsCountTheirCommonTimeOnce() {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(interval("09:00", "13:00"), interval("12:00", "14:00")));
        BusinessHours hours = new BusinessHours(BERLIN, week, Set.of());
        // 09:00–14:00 is 5 h; the sixth hour is next Monday
        assertThat(hours.plus(berlin("2026-12-07T09:00"), Duration.ofHours(5))).contains(berlin("2026-12-07T14:00"));
        assertThat(hours.plus(berlin("2026-12-07T09:00"), Duration.ofHours(6))).contains(berlin("2026-12-14T10:00"));
    }

    @Test
    void aLunchBreakIsNotCounted() {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(interval("13:00", "17:00"), interval("09:00", "12:00")));
        BusinessHours hours = new BusinessHours(BERLIN, week, Set.of());
        assertThat(hours.plus(berlin("2026-12-07T11:30"), Duration.ofHours(1))).contains(berlin("2026-12-07T13:30"));
        assertThat(hours.isOpen(berlin("2026-12-07T12:30"))).isFalse();
        assertThat(hours.nextOpening(berlin("2026-12-07T12:30"))).contains(berlin("2026-12-07T13:00"));
    }

    @Test
    void tellsWhetherItIsOpenAndWhenItOpensNext() {
        BusinessHours hours = officeHours(Set.of());
        assertThat(hours.isOpen(berlin("2026-12-07T09:00"))).isTrue();
        assertThat(hours.isOpen(berlin("2026-12-07T17:00"))).isFalse();
        assertThat(hours.nextOpening(berlin("2026-12-07T10:00"))).contains(berlin("2026-12-07T10:00"));
        assertThat(hours.nextOpening(berlin("2026-12-11T18:00"))).contains(berlin("2026-12-14T09:00"));
    }

    @Test
    void aCalendarClosedAllWeekNeverOpensAndHasNoDueTime() {
        BusinessHours closed = new BusinessHours(BERLIN, Map.of(), Set.of());
        assertThat(closed.neverOpen()).isTrue();
        assertThat(closed.isOpen(berlin("2026-12-07T10:00"))).isFalse();
        assertThat(closed.nextOpening(berlin("2026-12-07T10:00"))).isEmpty();
        assertThat(closed.plus(berlin("2026-12-07T10:00"), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aCalendarWhoseOnlyOpenDaysAreAllHolidaysForYearsHasNoDueTime() {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(interval("09:00", "17:00")));
        Set<LocalDate> mondays = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.parse("2026-12-07"); d.isBefore(LocalDate.parse("2031-01-01")); d = d.plusWeeks(1)) {
            mondays.add(d);
        }
        BusinessHours hours = new BusinessHours(BERLIN, week, mondays);
        assertThat(hours.plus(berlin("2026-12-07T08:00"), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void alwaysOpenCountsWallClockTime() {
        BusinessHours hours = BusinessHours.always(ZoneId.of("UTC"));
        Instant from = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(hours.plus(from, Duration.ofDays(3))).contains(from.plus(Duration.ofDays(3)));
        assertThat(hours.isOpen(from)).isTrue();
    }

    @Test
    void zeroIsTheStartEvenWhenClosedAndNegativeIsRefused() {
        BusinessHours hours = officeHours(Set.of());
        Instant saturday = berlin("2026-12-12T12:00");
        assertThat(hours.plus(saturday, Duration.ZERO)).contains(saturday);
        assertThatThrownBy(() -> hours.plus(saturday, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnIntervalThatOpensAndClosesAtTheSameTime() {
        assertThatThrownBy(() -> interval("09:00", "09:00")).hasMessageContaining("same time");
        assertThat(interval("00:00", "00:00").overnight()).isTrue();
    }

    @Test
    void measuresTheOpenTimeBetweenTwoInstants() {
        BusinessHours hours = officeHours(Set.of());
        // Friday 16:00 to Monday 10:00: 1 h on Friday, 1 h on Monday
        assertThat(hours.openTimeBetween(berlin("2026-12-11T16:00"), berlin("2026-12-14T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(hours.openTimeBetween(berlin("2026-12-14T10:00"), berlin("2026-12-11T16:00"))).isZero();
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(interval("09:00", "13:00"), interval("12:00", "14:00")));
        assertThat(new BusinessHours(BERLIN, week, Set.of())
                .openTimeBetween(berlin("2026-12-07T00:00"), berlin("2026-12-08T00:00"))).isEqualTo(Duration.ofHours(5));
    }
}
