package dev.parley.conversation;

import dev.parley.shared.CleanText;

/**
 * A channel's text as a message body. Inbound messages are never refused for their text: an empty one says
 * what came instead, an over-long one is cut with a warning for agents.
 */
final class InboundText {

    private InboundText() {
    }

    static InboundMessages.Text of(String text, int attachmentCount, int maxLength, String warning) {
        String cleaned = CleanText.of(text);
        String body = cleaned == null ? "" : cleaned.strip();
        if (body.isEmpty()) {
            body = attachmentCount > 0 ? "(sent " + attachmentCount + (attachmentCount == 1 ? " file" : " files")
                    + " without text)" : "(empty message)";
        }
        if (body.length() > maxLength) {
            body = body.substring(0, maxLength - 1) + "…";
            warning = join(warning, "The message was longer than " + maxLength + " characters and was shortened.");
        }
        return new InboundMessages.Text(body, warning == null ? null
                : warning.length() > 500 ? warning.substring(0, 499) + "…" : warning);
    }

    static String filename(String name, int n) {
        String cleaned = CleanText.of(name);
        if (cleaned == null || cleaned.isBlank()) {
            return "attachment-" + n;
        }
        String base = cleaned.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + " " + second;
    }
}
