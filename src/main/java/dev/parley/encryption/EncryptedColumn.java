package dev.parley.encryption;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A table column holding values sealed by {@link Encryption}, declared as a bean by the module that owns the
 * table so that key rotation re-encrypts it (and rows written before encryption was introduced) in the
 * background. The optional lookup-hash column holds {@link Encryption#lookupHash} of the normalised plain
 * value, recomputed under the active key too.
 *
 * @param table the table
 * @param idColumn its primary key (one column, any orderable type)
 * @param column the sealed column
 * @param purpose the purpose the values were sealed for
 * @param lookupHashColumn a column with the value's lookup hash, or {@code null}
 * @param normaliser what the lookup hash is computed from, given the plain value
 */
public record EncryptedColumn(String table, String idColumn, String column, String purpose,
        String lookupHashColumn, UnaryOperator<String> normaliser) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public EncryptedColumn {
        requireIdentifier(table);
        requireIdentifier(idColumn);
        requireIdentifier(column);
        if (lookupHashColumn != null) {
            requireIdentifier(lookupHashColumn);
            Objects.requireNonNull(normaliser, "normaliser");
        }
        Encryption.requirePurpose(purpose);
    }

    public static EncryptedColumn of(String table, String idColumn, String column, String purpose) {
        return new EncryptedColumn(table, idColumn, column, purpose, null, null);
    }

    /** The same column, with a lookup-hash column recomputed from {@code normaliser.apply(plain value)}. */
    public EncryptedColumn withLookupHash(String hashColumn, UnaryOperator<String> normaliser) {
        return new EncryptedColumn(table, idColumn, column, purpose, hashColumn, normaliser);
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a lower-case SQL identifier: " + name);
        }
    }
}
