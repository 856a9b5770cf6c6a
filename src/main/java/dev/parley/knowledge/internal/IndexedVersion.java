package dev.parley.knowledge.internal;

import java.util.TreeSet;

/**
 * The highest knowledge version up to which every change is in the index. Changes can reach the indexer
 * out of order (two transactions commit close together), so a version counts only once all before it did.
 */
final class IndexedVersion {

    private final TreeSet<Long> ahead = new TreeSet<>();
    private volatile long current;

    synchronized void reset(long version) {
        current = version;
        ahead.headSet(version, true).clear();
    }

    synchronized void done(long version) {
        if (version > current) {
            ahead.add(version);
        }
        while (!ahead.isEmpty() && ahead.first() == current + 1) {
            current = ahead.pollFirst();
        }
    }

    long current() {
        return current;
    }
}
