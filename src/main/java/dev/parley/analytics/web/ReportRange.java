package dev.parley.analytics.web;

import dev.parley.analytics.AnalyticsFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The analytics page's range form as typed: a preset ({@code range} = 7, 30 or 90 days ending today) or a
 * custom {@code from}/{@code to} pair, and an optional channel. {@link #errors} holds what could not be read.
 */
record ReportRange(String range, String from, String to, String channel, LocalDate fromDate, LocalDate toDate,
        Map<String, String> errors) {

    static final List<String> PRESETS = List.of("7", "30", "90");
    static final String DEFAULT_PRESET = "30";
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    static ReportRange parse(String range, String from, String to, String channel, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String ch = channel == null || channel.isBlank() ? "" : channel.strip();
        if (!ch.isEmpty() && !CHANNEL.matcher(ch).matches()) {
            errors.put("channel", "Unknown channel");
        }
        boolean custom = !blank(from) || !blank(to);
        if (custom) {
            LocalDate f = date(from, "from", errors);
            LocalDate t = date(to, "to", errors);
            if (f != null && t != null && t.isBefore(f)) {
                errors.put("to", "The end date must not be before the start date");
            }
            return new ReportRange("", text(from), text(to), ch, f, t, errors);
        }
        String preset = blank(range) ? DEFAULT_PRESET : range.strip();
        if (!PRESETS.contains(preset)) {
            errors.put("range", "Choose 7, 30 or 90 days, or enter dates");
            return new ReportRange(preset, "", "", ch, null, null, errors);
        }
        LocalDate start = today.minusDays(Long.parseLong(preset) - 1);
        return new ReportRange(preset, start.toString(), today.toString(), ch, start, today, errors);
    }

    AnalyticsFilter filter() {
        return new AnalyticsFilter(fromDate, toDate, channel.isEmpty() ? null : channel, null);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    ReportRange withError(String field, String message) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(field, message);
        return new ReportRange(range, from, to, channel, fromDate, toDate, more);
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            errors.put(field, "Enter a date (YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Not a date; use YYYY-MM-DD");
            return null;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
