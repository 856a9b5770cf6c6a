package dev.parley.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business hours as people type them, for the admin page and the API alike: a time zone, per weekday a list like
 * {@code "09:00-12:00, 13:00-17:00"} (empty = closed; {@code 24:00} closes at midnight), and holidays one per line
 * as {@code 2026-12-25 Christmas Day}. {@link #parse()} reports every mistake at once.
 */
public record CalendarInput(String timeZone, Map<DayOfWeek, String> week, String holidays) {

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}:\\d{2})\\s*[-–—]\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern HOLIDAY = Pattern.compile("(\\S+)\\s*(.*)");

    public record Parsed(BusinessHours hours, Map<LocalDate, String> holidayNames) {
    }

    public Parsed parse() {
        List<String> errors = new ArrayList<>();
        ZoneId zone = zone(errors);
        Map<DayOfWeek, List<OpenInterval>> parsedWeek = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = week == null ? null : week.get(day);
            List<OpenInterval> intervals = intervals(day, text, errors);
            if (!intervals.isEmpty()) {
                parsedWeek.put(day, intervals);
            }
        }
        Map<LocalDate, String> names = holidays(errors);
        if (!errors.isEmpty()) {
            throw new InvalidCalendar(errors);
        }
        return new Parsed(new BusinessHours(zone, parsedWeek, names.keySet()), names);
    }

    private ZoneId zone(List<String> errors) {
        String id = timeZone == null ? "" : timeZone.strip();
        if (id.isEmpty()) {
            errors.add("Time zone is missing; use an IANA name like Europe/Berlin");
            return ZoneId.of("UTC");
        }
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            errors.add("Time zone '" + id + "' is not known; use an IANA name like Europe/Berlin or America/New_York");
            return ZoneId.of("UTC");
        }
        return ZoneId.of(id);
    }

    private static List<OpenInterval> intervals(DayOfWeek day, String text, List<String> errors) {
        List<OpenInterval> intervals = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return intervals;
        }
        String dayName = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        for (String part : text.split("[,;]")) {
            String piece = part.strip();
            if (piece.isEmpty()) {
                continue;
            }
            Matcher m = INTERVAL.matcher(piece);
            if (!m.matches()) {
                errors.add(dayName + ": '" + piece + "' is not an interval like 09:00-17:00");
                continue;
            }
            try {
                intervals.add(new OpenInterval(time(m.group(1)), time(m.group(2))));
            } catch (DateTimeParseException e) {
                errors.add(dayName + ": '" + piece + "' has a time that does not exist (use 00:00 to 24:00)");
            } catch (IllegalArgumentException e) {
                errors.add(dayName + ": " + e.getMessage());
            }
        }
        return intervals;
    }

    private static LocalTime time(String text) {
        String padded = text.length() == 4 ? "0" + text : text;
        return "24:00".equals(padded) ? LocalTime.MIDNIGHT : LocalTime.parse(padded);
    }

    private Map<LocalDate, String> holidays(List<String> errors) {
        Map<LocalDate, String> names = new TreeMap<>();
        if (holidays == null) {
            return names;
        }
        String[] lines = holidays.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = HOLIDAY.matcher(line);
            m.matches();
            try {
                LocalDate day = LocalDate.parse(m.group(1));
                String name = m.group(2).strip();
                if (name.length() > 200) {
                    errors.add("Holiday on " + day + ": the name is longer than 200 characters");
                }
                names.put(day, name);
            } catch (DateTimeParseException e) {
                errors.add("Holidays, line " + (i + 1) + ": '" + m.group(1) + "' is not a date like 2026-12-25");
            }
        }
        return names;
    }
}
