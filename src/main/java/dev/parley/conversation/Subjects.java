package dev.parley.conversation;

/** A conversation's subject: its first message on one line, shortened at a word boundary. */
final class Subjects {

    private Subjects() {
    }

    /** A channel's own subject (an email's), cleaned and shortened; {@code null} when there is none. */
    static String clean(String subject, int maxLength) {
        String cleaned = dev.parley.shared.CleanText.of(subject);
        if (cleaned == null || cleaned.isBlank()) {
            return null;
        }
        String withoutPrefixes = cleaned.strip().replaceFirst("(?i)^((re|aw|fw|fwd|wg|tr)\\s*:\\s*)+", "");
        return withoutPrefixes.isBlank() ? null : fromFirstMessage(withoutPrefixes, maxLength);
    }

    static String fromFirstMessage(String text, int maxLength) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= maxLength) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', maxLength - 1);
        if (cut < maxLength / 2) {
            cut = maxLength - 1;
        }
        return oneLine.substring(0, cut).stripTrailing() + "…";
    }
}
