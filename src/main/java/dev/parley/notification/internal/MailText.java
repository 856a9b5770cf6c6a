package dev.parley.notification.internal;

/** Customer-written values made safe and short for a mail's subject and body. */
final class MailText {

    private static final int SUBJECT_LENGTH = 100;

    private MailText() {
    }

    static String subject(String subject) {
        String clean = oneLine(subject);
        if (clean.isEmpty()) {
            return "(no subject)";
        }
        return clean.length() <= SUBJECT_LENGTH ? clean : clean.substring(0, SUBJECT_LENGTH - 1) + "…";
    }

    static String customer(String name) {
        String clean = oneLine(name);
        return clean.isEmpty() ? "a customer" : clean;
    }

    /** At most {@code max} characters of a message, for a preview. */
    static String excerpt(String text, int max) {
        String clean = text == null ? "" : text.strip();
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip();
    }
}
