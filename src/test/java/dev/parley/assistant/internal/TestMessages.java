package dev.parley.assistant.internal;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Conversation history messages for assistant tests. */
public final class TestMessages {

    private TestMessages() {
    }

    public static Message customer(String text) {
        return message(AuthorType.CUSTOMER, text, null, List.of());
    }

    /** An assistant answer with a source and the given confidence. */
    public static Message answer(double confidence) {
        return message(AuthorType.ASSISTANT, "Here is how.", confidence, List.of(new SourceRef("a", "A", "/a")));
    }

    /** An assistant answer drawn from the given article. */
    public static Message answerFrom(String articleId, double confidence) {
        return message(AuthorType.ASSISTANT, "Here is how.", confidence,
                List.of(new SourceRef(articleId, articleId, "/help/articles/" + articleId)));
    }

    public static Message agent(String text) {
        return message(AuthorType.AGENT, text, null, List.of());
    }

    static Message message(AuthorType author, String text, Double confidence, List<SourceRef> sources) {
        return new Message(UUID.randomUUID(), 1, UUID.randomUUID(), author, null, author.name(), text, false, null,
                null, confidence, sources, Instant.now());
    }
}
