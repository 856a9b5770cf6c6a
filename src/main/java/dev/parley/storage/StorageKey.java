package dev.parley.storage;

import java.util.regex.Pattern;

/**
 * Where a file lives in {@link FileStorage}: {@code /}-separated segments of letters, digits, {@code . _ -}, each
 * starting with a letter or digit, so a key can never climb out of its folder ({@code ..}), name a hidden file, start
 * at a root or carry a drive letter or backslash, and means the same on every file system and object store.
 *
 * @param value the key, for example {@code exports/2026-12/conversations.csv}
 */
public record StorageKey(String value) {

    static final int MAX_LENGTH = 512;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public StorageKey {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("Not a storage key (" + problem + "): " + printable(value));
        }
    }

    public static StorageKey of(String value) {
        return new StorageKey(value);
    }

    /** The key one level down: {@code exports} resolving {@code a.csv} is {@code exports/a.csv}. */
    public StorageKey resolve(String child) {
        return new StorageKey(value + "/" + child);
    }

    /** Whether {@code value} is a valid key (for names read back from a store, which others may have written). */
    static boolean isKey(String value) {
        return problem(value) == null;
    }

    /** Whether {@code prefix} may be listed: empty, a key, or a key followed by {@code /}. */
    static boolean isPrefix(String prefix) {
        if (prefix == null) {
            return false;
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return prefix.isEmpty() || problem(trimmed) == null;
    }

    static String checkPrefix(String prefix) {
        if (!isPrefix(prefix)) {
            throw new IllegalArgumentException("Not a storage prefix: " + printable(prefix));
        }
        return prefix;
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH;
        }
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return segment.isEmpty() ? "empty segment" : "segment '" + printable(segment) + "'";
            }
        }
        return null;
    }

    private static String printable(String value) {
        return value == null ? "null" : value.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return value;
    }
}
