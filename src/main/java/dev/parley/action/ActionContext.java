package dev.parley.action;

import dev.parley.conversation.VerifiedCustomer;
import java.util.Map;
import java.util.UUID;

/**
 * One request to run an action: for which conversation and customer (verified or {@code null}), with the values the
 * customer gave so far, whether they confirmed a write, and whether to answer from the mock response.
 */
public record ActionContext(UUID conversationId, VerifiedCustomer customer, Map<String, String> given,
        boolean confirmed, boolean mock) {

    public ActionContext {
        given = given == null ? Map.of() : Map.copyOf(given);
    }
}
