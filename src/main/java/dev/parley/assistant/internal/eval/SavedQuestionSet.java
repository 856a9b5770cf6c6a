package dev.parley.assistant.internal.eval;

import java.time.Instant;

/** A saved test-bench question set as the list shows it, with its latest run's figures (null before a run). */
public record SavedQuestionSet(String id, String name, int size, Instant lastRunAt, Long lastVersion, Double lastTop1,
        Double lastPrecision, Double lastDeflection) {
}
