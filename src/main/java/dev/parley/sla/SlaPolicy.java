package dev.parley.sla;

import dev.parley.conversation.Priority;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets for one priority, in business time (null = no target): the first reply by a person, and resolution,
 * both counted from when the conversation was handed to people.
 */
public record SlaPolicy(Priority priority, Duration firstResponse, Duration resolution) {

    static final Duration LONGEST = Duration.ofDays(365);
    private static final Pattern AMOUNT = Pattern.compile("(?:(\\d{1,6})\\s*h)?\\s*(?:(\\d{1,6})\\s*m(?:in)?)?");

    /** "1h 30m", "45m", "4h"; empty for no target. */
    public static String format(Duration target) {
        if (target == null) {
            return "";
        }
        long hours = target.toHours();
        int minutes = target.toMinutesPart();
        return hours == 0 ? minutes + "m" : minutes == 0 ? hours + "h" : hours + "h " + minutes + "m";
    }

    /**
     * Reads "4h", "45m", "1h 30m" or a bare number of minutes; blank means no target. Throws
     * IllegalArgumentException with a message for people.
     */
    public static Duration parse(String what, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration parsed;
        if (value.matches("\\d{1,6}")) {
            parsed = Duration.ofMinutes(Long.parseLong(value));
        } else {
            Matcher m = AMOUNT.matcher(value);
            if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
                throw new IllegalArgumentException(what + ": '" + text.strip()
                        + "' is not a duration like 45m, 4h or 1h 30m");
            }
            parsed = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                    .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        }
        if (parsed.isZero() || parsed.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(what + ": a target must be between 1 minute and 365 days of business time");
        }
        return parsed;
    }
}
