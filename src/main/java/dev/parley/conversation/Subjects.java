package dev.parley.conversation;

/** A conversation's subject: its first message on one line, shortened at a word boundary. */
final class Subjects {

    private Subjects() {
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
