package dev.parley.mail.internal;

/**
 * Attachment names as a sender wrote them are hostile input ({@code ../../etc/passwd}, control characters,
 * a thousand characters): keep the last path segment, drop what a file system or a screen cannot take.
 */
public final class Filenames {

    static final int MAX_LENGTH = 200;

    private Filenames() {
    }

    public static String sanitize(String raw, int index) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("[<>:\"|?*]", "_").strip();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            return "attachment-" + index;
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    /** The extension with its dot, lower case, or "" when there is none. */
    public static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }
}
