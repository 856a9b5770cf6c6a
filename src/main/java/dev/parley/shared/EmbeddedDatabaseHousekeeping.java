package dev.parley.shared;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing without bound. With {@code WRITE_DELAY=0} (see
 * {@link EmbeddedDatabaseDurability}) H2 writes a small chunk per commit and no longer starts its background writer,
 * which is also what rewrites chunks that hold only a few live pages: the file grew by gigabytes in minutes under
 * sustained traffic (issue 16: 10.5 GB in eight minutes) and every commit slowed with it. This does the rewriting
 * that background writer would have done, twice a second, on its own thread; H2's store lock and its own checks keep
 * it safe beside running transactions. It does nothing when H2's background writer runs (a {@code WRITE_DELAY}
 * above zero) or the database is not an embedded H2 file.
 */
@Component
class EmbeddedDatabaseHousekeeping implements SmartLifecycle {

    /** Chunks less full than this are rewritten (H2's own background default is 90, relaxed while busy). */
    static final int TARGET_FILL_RATE = 50;

    /** At most this much is rewritten per round, so one round never holds the store for long. */
    static final int WRITE_LIMIT_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseHousekeeping.class);

    private static final Field STORE_LOCK = storeLockField();

    private final ObjectProvider<DataSource> dataSource;
    private ScheduledExecutorService executor;
    private volatile MVStore store;
    private volatile boolean failureLogged;
    private int rounds;

    EmbeddedDatabaseHousekeeping(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        DataSource database = dataSource.getIfUnique();
        store = database == null ? null : writeThroughStore(database);
        if (store == null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("h2-housekeeping")
                .factory());
        executor.scheduleWithFixedDelay(this::round, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void round() {
        MVStore current = store;
        try {
            rewriteSparseChunks(current);
            failureLogged = false;
            if (log.isDebugEnabled() && ++rounds % 20 == 0 && !current.isClosed()) {
                StringBuilder info = new StringBuilder("H2 store:");
                current.populateInfo((name, value) -> info.append(' ').append(name.substring(5)).append('=').append(value));
                log.debug(info.toString());
            }
        } catch (RuntimeException e) {
            // the next round tries again
            if (!failureLogged) {
                failureLogged = true;
                log.warn("Rewriting sparse chunks of the H2 database failed; trying again shortly", e);
            }
        }
    }

    /**
     * Rewrites the live pages of sparse chunks into a new one, so the dead chunks' space is reused once H2's
     * retention time has passed; true if anything was rewritten, false also for a store that has closed.
     * <p>
     * {@link MVStore#compact} gives up when it cannot take the store's lock within 10 ms, which under sustained
     * write-through commits (each one takes that fair lock to write its chunk) is nearly always: the file then grew
     * by 100 MB/s. So the round first waits for its turn on the lock, which {@code compact} then takes again; only
     * when the chunks are sparse, the same test {@code compact} makes, so a round with nothing to do never queues
     * on that lock ahead of commits.
     */
    static boolean rewriteSparseChunks(MVStore store) {
        if (store == null || store.isClosed() || store.getFileStore().getChunksFillRate() >= TARGET_FILL_RATE) {
            return false;
        }
        ReentrantLock lock = storeLock(store);
        lock.lock();
        try {
            return !store.isClosed() && store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES);
        } finally {
            lock.unlock();
        }
    }

    /** The lock H2 writes chunks under (a private field of H2 2.3; {@code EmbeddedDatabaseHousekeepingTests}). */
    static ReentrantLock storeLock(MVStore store) {
        try {
            return (ReentrantLock) STORE_LOCK.get(store);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("H2's store lock cannot be read", e);
        }
    }

    private static Field storeLockField() {
        try {
            Field field = MVStore.class.getDeclaredField("storeLock");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("This H2 version has no store lock where 2.3 had it", e);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        store = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stopped before the data source closes and started once it is ready (the default phase is the last). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    /** The store of an embedded H2 file database that writes each commit itself, or null for any other database. */
    static MVStore writeThroughStore(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || session.getDatabase().getStore() == null) {
                return null;
            }
            MVStore mvStore = session.getDatabase().getStore().getMvStore();
            return mvStore.getFileStore() != null && mvStore.getAutoCommitDelay() == 0 ? mvStore : null;
        } catch (SQLException e) {
            log.warn("Could not look at the database to keep an H2 file compact; it is not compacted while running", e);
            return null;
        }
    }
}
