package dev.parley.analytics.internal;

import java.time.LocalDate;

/**
 * What one conversation adds to the counters of its day's row; {@link #minus} and {@link #negated} make the change
 * {@link RollupWriter} writes.
 */
record DailyCounts(LocalDate day, String channel, long conversations, long messages, long aiResolved,
        long escalated, long aiConfirmed, long aiAssumed, long aiDurable, long csat1, long csat2, long csat3,
        long csat4, long csat5, long tokens, double costUsd) implements RollupWriter.Counts<DailyCounts> {

    static DailyCounts of(FactsRow row) {
        Integer csat = row.csat();
        return new DailyCounts(row.day(), row.channel(), 1, row.messages(), row.aiResolved() ? 1 : 0,
                row.escalated() ? 1 : 0, row.aiConfirmed() ? 1 : 0, row.aiAssumed() ? 1 : 0,
                row.aiDurable() ? 1 : 0, is(csat, 1), is(csat, 2), is(csat, 3), is(csat, 4), is(csat, 5),
                row.tokens(), row.costUsd());
    }

    @Override
    public boolean sameRow(DailyCounts other) {
        return day.equals(other.day) && channel.equals(other.channel);
    }

    private static long is(Integer csat, int points) {
        return csat != null && csat == points ? 1 : 0;
    }

    @Override
    public DailyCounts minus(DailyCounts old) {
        return new DailyCounts(day, channel, conversations - old.conversations, messages - old.messages,
                aiResolved - old.aiResolved, escalated - old.escalated, aiConfirmed - old.aiConfirmed,
                aiAssumed - old.aiAssumed, aiDurable - old.aiDurable, csat1 - old.csat1, csat2 - old.csat2,
                csat3 - old.csat3, csat4 - old.csat4, csat5 - old.csat5, tokens - old.tokens,
                costUsd - old.costUsd);
    }

    @Override
    public DailyCounts negated() {
        return new DailyCounts(day, channel, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).minus(this);
    }
}
