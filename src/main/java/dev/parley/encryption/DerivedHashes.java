package dev.parley.encryption;

import java.util.List;

/**
 * Hashes a module derives from sealed values under the active key (say, search terms of messages), declared as a
 * bean so that key rotation rebuilds them: after the {@link EncryptedColumn}s are re-sealed, the background pass
 * calls {@link #rebuildAfter} batch by batch until it returns nothing, and remembers the completed rebuild per key
 * (as it does for columns), so once the old key is removed nothing depends on it any more.
 */
public interface DerivedHashes {

    /** A stable name, {@code table.column} say, for the progress list and the per-key completion record. */
    String name();

    /**
     * Rebuilds, under the active key, the hashes of at most {@code limit} rows whose id is after {@code after}
     * ({@code null}: from the first row), in id order, and returns the ids it handled, the last one being the
     * greatest; an empty list ends the pass. Implementations commit their own transactions.
     */
    List<?> rebuildAfter(Object after, int limit);
}
