package dev.parley.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a team works: open intervals per weekday in one IANA time zone, minus holidays. A holiday closes the
 * intervals that start on that date (an overnight shift begun the evening before still ends as planned).
 * Answers "open now?", "when does it open next?" and "what is N business minutes after this instant?"; a calendar
 * that is never open answers the last two with empty, never with a made-up time.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<OpenInterval>> week, Set<LocalDate> holidays) {

    /** How far ahead an answer is looked for before the calendar counts as never open (holidays can close months). */
    static final int HORIZON_DAYS = 3 * 366;

    public BusinessHours {
        if (zone == null) {
            throw new IllegalArgumentException("A time zone is needed");
        }
        Map<DayOfWeek, List<OpenInterval>> copy = new EnumMap<>(DayOfWeek.class);
        if (week != null) {
            week.forEach((day, intervals) -> copy.put(day, intervals.stream()
                    .sorted(Comparator.comparing(OpenInterval::opens)).toList()));
        }
        week = java.util.Collections.unmodifiableMap(copy);
        holidays = holidays == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(holidays));
    }

    /** Open all day, every day: the default until someone sets business hours. */
    public static BusinessHours always(ZoneId zone) {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpenInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessHours(zone, week, Set.of());
    }

    public List<OpenInterval> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** True when no weekday has an open interval. */
    public boolean neverOpen() {
        return week.values().stream().allMatch(List::isEmpty);
    }

    public boolean isOpen(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        return periodsStartingOn(today.minusDays(1)).stream().anyMatch(p -> p.contains(at))
                || periodsStartingOn(today).stream().anyMatch(p -> p.contains(at));
    }

    /** {@code at} itself when open then, else the start of the next open period; empty when it never opens. */
    public Optional<Instant> nextOpening(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i <= HORIZON_DAYS && !neverOpen(); i++, day = day.plusDays(1)) {
            for (Period period : periodsStartingOn(day)) {
                if (period.contains(at)) {
                    return Optional.of(at);
                }
                if (period.start().isAfter(at)) {
                    return Optional.of(period.start());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The instant {@code amount} of open time after {@code from} (time while closed does not count); empty when
     * the calendar is never open. Zero is {@code from} itself, even while closed.
     */
    public Optional<Instant> plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A business duration cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return Optional.of(from);
        }
        Duration left = amount;
        Instant cursor = from;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        int idleDays = 0;
        while (idleDays <= HORIZON_DAYS && !neverOpen()) {
            boolean counted = false;
            for (Period period : periodsStartingOn(day)) {
                if (!period.end().isAfter(cursor)) {
                    continue;
                }
                Instant start = period.start().isAfter(cursor) ? period.start() : cursor;
                Duration available = Duration.between(start, period.end());
                counted = true;
                if (available.compareTo(left) >= 0) {
                    return Optional.of(start.plus(left));
                }
                left = left.minus(available);
                cursor = period.end();
            }
            idleDays = counted ? 0 : idleDays + 1;
            day = day.plusDays(1);
        }
        return Optional.empty();
    }

    /** How much open time lies between two instants (zero when {@code to} is not after {@code from}). */
    public Duration openTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Instant cursor = from;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last) && cursor.isBefore(to); day = day.plusDays(1)) {
            for (Period period : periodsStartingOn(day)) {
                Instant start = period.start().isAfter(cursor) ? period.start() : cursor;
                Instant end = period.end().isBefore(to) ? period.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                    cursor = end;
                }
            }
        }
        return total;
    }

    /** The concrete open periods of intervals that start on one local date (none on a holiday). */
    List<Period> periodsStartingOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        for (OpenInterval interval : on(date.getDayOfWeek())) {
            // A time skipped by a DST jump moves forward by the gap; a repeated one takes the earlier offset.
            ZonedDateTime start = date.atTime(interval.opens()).atZone(zone);
            LocalDate endDate = interval.overnight() ? date.plusDays(1) : date;
            ZonedDateTime end = endDate.atTime(interval.closes()).atZone(zone);
            if (end.isAfter(start)) {
                periods.add(new Period(start.toInstant(), end.toInstant()));
            }
        }
        return periods;
    }

    record Period(Instant start, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
