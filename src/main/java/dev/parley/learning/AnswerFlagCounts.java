package dev.parley.learning;

import java.time.LocalDate;
import java.util.Map;

/** How often agents flagged the assistant's answers, by reason, for analytics. */
public interface AnswerFlagCounts {

    /** Flags raised from {@code from} to {@code to} (both whole days, UTC), by reason; reasons never flagged are 0. */
    Map<FlagReason, Long> between(LocalDate from, LocalDate to);
}
