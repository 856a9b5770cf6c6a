package dev.parley.encryption.internal;

import dev.parley.encryption.DerivedHashes;
import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import dev.parley.encryption.EncryptionException;
import dev.parley.encryption.EncryptionSettings;
import dev.parley.encryption.KeysChanged;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every {@link EncryptedColumn} under the active key, in the background: after start (once per key, as
 * remembered in {@code encrypted_column_state}) and whenever the key ring changes. Rows are rewritten in small
 * transactions, each only if nobody changed it meanwhile, so the application keeps serving; several nodes may
 * run it at once without harm. A row that does not open is counted, logged and left for the next run. After the
 * columns, every {@link DerivedHashes} is rebuilt under the active key (search terms hashed from sealed texts).
 */
@Component
public class ReEncryption implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);

    private final List<EncryptedColumn> columns;
    private final List<DerivedHashes> derived;
    private final Encryption encryption;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EncryptionSettings settings;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("re-encryption").daemon(true).factory());
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Map<String, ColumnProgress> progress = new LinkedHashMap<>();
    private volatile boolean stopping;

    public ReEncryption(List<EncryptedColumn> columns, Encryption encryption, JdbcClient jdbc,
            TransactionTemplate transactions, EncryptionSettings settings, Clock clock) {
        this(columns, List.of(), encryption, jdbc, transactions, settings, clock);
    }

    @Autowired
    public ReEncryption(List<EncryptedColumn> columns, List<DerivedHashes> derived, Encryption encryption,
            JdbcClient jdbc, TransactionTemplate transactions, EncryptionSettings settings, Clock clock) {
        this.columns = List.copyOf(columns);
        this.derived = List.copyOf(derived);
        this.encryption = encryption;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        columns.forEach(column -> progress.put(name(column), ColumnProgress.pending(name(column))));
        derived.forEach(hashes -> progress.put(hashes.name(), ColumnProgress.pending(hashes.name())));
    }

    @EventListener({ApplicationReadyEvent.class, KeysChanged.class})
    public void start() {
        start(false);
    }

    /** A pass that also scans columns already completed under the active key (after restoring a backup, say). */
    public void startFullScan() {
        start(true);
    }

    private void start(boolean fullScan) {
        if ((!columns.isEmpty() || !derived.isEmpty()) && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                runNow(fullScan);
            });
        }
    }

    /** Progress of every declared column, in declaration order. */
    public synchronized List<ColumnProgress> progress() {
        return List.copyOf(progress.values());
    }

    /** One pass over every column, on the calling thread. */
    void runNow(boolean fullScan) {
        String active = encryption.activeKeyId();
        for (EncryptedColumn column : columns) {
            if (stopping) {
                return;
            }
            if (!fullScan && active.equals(completedKey(name(column)))) {
                update(ColumnProgress.done(name(column), active, 0, 0));
                continue;
            }
            try {
                reEncrypt(column, active);
            } catch (RuntimeException e) {
                log.error("Re-encrypting {} stopped; it resumes on the next start or key change", name(column), e);
                update(progress(column).failedRun());
            }
        }
        for (DerivedHashes hashes : derived) {
            if (stopping) {
                return;
            }
            if (!fullScan && active.equals(completedKey(hashes.name()))) {
                update(ColumnProgress.done(hashes.name(), active, 0, 0));
                continue;
            }
            try {
                rebuild(hashes, active);
            } catch (RuntimeException e) {
                log.error("Rebuilding {} stopped; it resumes on the next start or key change", hashes.name(), e);
                update(progress(hashes.name()).failedRun());
            }
        }
    }

    private void rebuild(DerivedHashes hashes, String active) {
        update(ColumnProgress.running(hashes.name(), active));
        Object after = null;
        long done = 0;
        while (!stopping) {
            List<?> ids = hashes.rebuildAfter(after, settings.reEncryptionBatch());
            if (ids.isEmpty()) {
                break;
            }
            after = ids.getLast();
            done += ids.size();
            update(new ColumnProgress(hashes.name(), ColumnProgress.State.RUNNING, active, done, 0));
        }
        if (stopping) {
            return;
        }
        if (active.equals(encryption.activeKeyId())) {
            markCompleted(hashes.name(), active);
            update(ColumnProgress.done(hashes.name(), active, done, 0));
            log.info("Rebuilt {} under key {} ({} rows)", hashes.name(), active, done);
        } else {
            update(new ColumnProgress(hashes.name(), ColumnProgress.State.FAILED, active, done, 0));
        }
    }

    private void reEncrypt(EncryptedColumn column, String active) {
        update(ColumnProgress.running(name(column), active));
        Object after = null;
        long done = 0;
        long failed = 0;
        while (!stopping) {
            List<Map<String, Object>> rows = batch(column, active, after);
            if (rows.isEmpty()) {
                break;
            }
            after = rows.getLast().get("id");
            Counts counts = transactions.execute(status -> rewrite(column, rows));
            done += counts.rewritten();
            failed += counts.failed();
            update(new ColumnProgress(name(column), ColumnProgress.State.RUNNING, active, done, failed));
        }
        if (stopping) {
            return;
        }
        if (failed == 0 && active.equals(encryption.activeKeyId())) {
            markCompleted(name(column), active);
            update(ColumnProgress.done(name(column), active, done, 0));
            log.info("Re-encrypted {} under key {} ({} rows)", name(column), active, done);
        } else {
            update(new ColumnProgress(name(column), ColumnProgress.State.FAILED, active, done, failed));
        }
    }

    private List<Map<String, Object>> batch(EncryptedColumn column, String active, Object after) {
        String sealedWithActive = Encryption.PREFIX + active + ":%";
        String hashSelect = column.lookupHashColumn() == null ? "" : ", " + column.lookupHashColumn() + " AS hash";
        String hashStale = column.lookupHashColumn() == null ? ""
                : " OR COALESCE(" + column.lookupHashColumn() + ", '') NOT LIKE :hashPrefix";
        String sql = "SELECT " + column.idColumn() + " AS id, " + column.column() + " AS val" + hashSelect
                + " FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL AND ("
                + column.column() + " NOT LIKE :sealed" + hashStale + ")"
                + (after == null ? "" : " AND " + column.idColumn() + " > :after")
                + " ORDER BY " + column.idColumn() + " LIMIT " + settings.reEncryptionBatch();
        var statement = jdbc.sql(sql).param("sealed", sealedWithActive);
        if (column.lookupHashColumn() != null) {
            statement = statement.param("hashPrefix", active + ":%");
        }
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement.query().listOfRows();
    }

    private Counts rewrite(EncryptedColumn column, List<Map<String, Object>> rows) {
        long rewritten = 0;
        long failed = 0;
        for (Map<String, Object> row : rows) {
            String stored = (String) row.get("val");
            String plain;
            try {
                plain = encryption.decrypt(stored, column.purpose());
            } catch (EncryptionException e) {
                failed++;
                log.warn("{} row {} does not open: {}", name(column), row.get("id"), e.getMessage());
                continue;
            }
            String sealed = encryption.isSealedWithActiveKey(stored) ? stored : encryption.encrypt(plain, column.purpose());
            String set = column.column() + " = :sealed";
            var statement = jdbc.sql("UPDATE " + column.table() + " SET " + set
                    + (column.lookupHashColumn() == null ? "" : ", " + column.lookupHashColumn() + " = :hash")
                    + " WHERE " + column.idColumn() + " = :id AND " + column.column() + " = :stored")
                    .param("sealed", sealed).param("id", row.get("id")).param("stored", stored);
            if (column.lookupHashColumn() != null) {
                String normalised = column.normaliser().apply(plain);
                statement = statement.param("hash", normalised == null ? null
                        : encryption.lookupHash(normalised, column.purpose()));
            }
            rewritten += statement.update();
        }
        return new Counts(rewritten, failed);
    }

    private String completedKey(String name) {
        return jdbc.sql("SELECT key_id FROM encrypted_column_state WHERE column_name = ?")
                .param(name).query(String.class).optional().orElse(null);
    }

    private void markCompleted(String name, String key) {
        jdbc.sql("""
                MERGE INTO encrypted_column_state s
                USING (SELECT CAST(:name AS VARCHAR(200)) AS column_name) n ON s.column_name = n.column_name
                WHEN MATCHED THEN UPDATE SET key_id = :key, completed_at = :at
                WHEN NOT MATCHED THEN INSERT (column_name, key_id, completed_at) VALUES (:name, :key, :at)
                """).param("name", name).param("key", key)
                .param("at", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).update();
    }

    private synchronized ColumnProgress progress(EncryptedColumn column) {
        return progress(name(column));
    }

    private synchronized ColumnProgress progress(String name) {
        return progress.get(name);
    }

    private synchronized void update(ColumnProgress next) {
        progress.put(next.column(), next);
    }

    private static String name(EncryptedColumn column) {
        return column.table() + "." + column.column();
    }

    @Override
    public void destroy() {
        stopping = true;
        worker.shutdownNow();
    }

    private record Counts(long rewritten, long failed) {
    }
}
