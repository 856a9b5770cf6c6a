package dev.parley.shared;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * A request that failed because no database connection came free within the pool's wait (the node is saturated, or
 * the database is away): the client is told to come back (503 with Retry-After), never given a 500. Nothing of the
 * request was stored: it failed before its transaction began.
 */
final class Overload {

    static final long RETRY_AFTER_SECONDS = 5;
    static final String DETAIL = "Parley is too busy to handle this request right now. Nothing was saved; please try "
            + "again in a few seconds.";

    private Overload() {
    }

    static BusyException busy() {
        return new BusyException(DETAIL, Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }

    static boolean causedBy(Throwable failure) {
        return Causes.find(failure, SQLTransientConnectionException.class).isPresent();
    }
}
