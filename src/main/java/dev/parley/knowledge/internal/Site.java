package dev.parley.knowledge.internal;

import java.time.Instant;

/** A web site (usually a public help center) whose pages are synced into the knowledge base. */
public record Site(String id, String startUrl, State state, int pagesFound, int pagesDone, int pagesFailed,
        int articles, String lastError, Instant lastSyncedAt, Instant nextSyncAt, Instant createdAt) {

    /** Where a site is in its sync cycle. */
    public enum State { IDLE, QUEUED, RUNNING }

    /** Percent of the pages found so far that have been read (0 before the first page is known). */
    public int percent() {
        return pagesFound == 0 ? 0 : Math.min(100, pagesDone * 100 / pagesFound);
    }

    public boolean busy() {
        return state != State.IDLE;
    }
}
