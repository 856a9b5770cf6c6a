package dev.parley.encryption.internal;

/**
 * How far re-encryption of one column is.
 *
 * @param column {@code table.column}
 * @param state where it is
 * @param keyId the key it is being (or was) brought under; {@code null} before the first pass
 * @param reEncrypted rows rewritten in the current or last pass
 * @param failed rows that did not open in the current or last pass
 */
public record ColumnProgress(String column, State state, String keyId, long reEncrypted, long failed) {

    public enum State { PENDING, RUNNING, DONE, FAILED }

    static ColumnProgress pending(String column) {
        return new ColumnProgress(column, State.PENDING, null, 0, 0);
    }

    static ColumnProgress running(String column, String keyId) {
        return new ColumnProgress(column, State.RUNNING, keyId, 0, 0);
    }

    static ColumnProgress done(String column, String keyId, long reEncrypted, long failed) {
        return new ColumnProgress(column, State.DONE, keyId, reEncrypted, failed);
    }

    ColumnProgress failedRun() {
        return new ColumnProgress(column, State.FAILED, keyId, reEncrypted, failed);
    }
}
