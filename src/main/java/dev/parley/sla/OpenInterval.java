package dev.parley.sla;

import java.time.LocalTime;

/**
 * One stretch of a weekday a team is open, in the team's time zone. {@code closes} at or before {@code opens} runs
 * past midnight into the next day ("22:00–06:00"); {@code 00:00–00:00} is the whole day.
 */
public record OpenInterval(LocalTime opens, LocalTime closes) {

    public OpenInterval {
        if (opens == null || closes == null) {
            throw new IllegalArgumentException("An opening time and a closing time are both needed");
        }
        if (opens.equals(closes) && !opens.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("Opens and closes at the same time (" + opens
                    + "); use 00:00–00:00 for the whole day");
        }
    }

    public boolean overnight() {
        return !closes.isAfter(opens);
    }

    /** "09:00–17:00". */
    @Override
    public String toString() {
        return opens + "–" + closes;
    }
}
