package dev.parley.assistant.internal.policy;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a short follow-up ("and for business accounts?", "what about France?") together with the
 * customer's previous question, so it is scored in context.
 */
public final class FollowUp {

    private static final int MAX_WORDS = 7;
    private static final Pattern CONNECTOR = Pattern.compile(
            "^(and|what about|how about|what if|also|or|but|same for|und|was ist mit|und wenn|auch|et|et pour|"
                    + "et si|aussi|y|y si|y para|tambien|e|e se|e per|anche|en|en voor|ook|e para|e se|tambem)\\b.*");

    private FollowUp() {
    }

    /** The follow-up joined to the previous customer question, when the message reads as a follow-up. */
    public static Optional<String> inContext(String text, List<Message> history) {
        String normal = HumanRequest.normalise(text);
        int words = normal.isEmpty() ? 0 : normal.split(" ").length;
        if (words == 0 || words > MAX_WORDS || !CONNECTOR.matcher(normal).matches()) {
            return Optional.empty();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Message message = history.get(i);
            if (message.authorType() == AuthorType.CUSTOMER && message.text() != null) {
                return Optional.of(message.text().strip() + " " + text.strip());
            }
        }
        return Optional.empty();
    }
}
