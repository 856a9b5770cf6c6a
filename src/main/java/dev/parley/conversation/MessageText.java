package dev.parley.conversation;

import dev.parley.shared.ApiException;
import dev.parley.shared.CleanText;

/** The rules every message text follows, whatever channel it came from. */
final class MessageText {

    private MessageText() {
    }

    static String valid(String raw, int maxLength) {
        String text = CleanText.of(raw);
        if (CleanText.isBlank(text)) {
            throw ApiException.badRequest("text must not be empty");
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            throw ApiException.badRequest("text is " + stripped.length() + " characters; the limit is " + maxLength);
        }
        return stripped;
    }
}
