package dev.parley.sla.web;

import dev.parley.sla.BusinessCalendars;
import dev.parley.sla.CalendarInput;
import dev.parley.sla.OpenInterval;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Business hours as the admin page shows and takes them: one text per weekday, holidays one per line. */
record HoursForm(String timeZone, Map<DayOfWeek, String> week, String holidays) {

    static HoursForm of(BusinessCalendars.Calendar calendar) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, calendar.hours().on(day).stream().map(HoursForm::text).collect(Collectors.joining(", ")));
        }
        String holidays = calendar.holidayNames().entrySet().stream()
                .map(e -> (e.getKey() + " " + e.getValue()).strip()).collect(Collectors.joining("\n"));
        return new HoursForm(calendar.hours().zone().getId(), week, holidays);
    }

    /** From the posted fields {@code timeZone}, {@code day-MONDAY} … {@code day-SUNDAY} and {@code holidays}. */
    static HoursForm of(Map<String, String> params) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, params.getOrDefault("day-" + day.name(), ""));
        }
        return new HoursForm(params.get("timeZone"), week, params.get("holidays"));
    }

    CalendarInput input() {
        return new CalendarInput(timeZone, week, holidays);
    }

    private static String text(OpenInterval interval) {
        String closes = interval.closes().equals(LocalTime.MIDNIGHT) ? "24:00" : interval.closes().toString();
        return interval.opens() + "-" + closes;
    }
}
