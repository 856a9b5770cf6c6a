package dev.parley.conversation;

import java.util.UUID;

/** Someone else took the conversation first; thrown so that nothing of the attempted take is kept. */
public class AlreadyAssigned extends RuntimeException {

    public AlreadyAssigned(UUID conversationId) {
        super("Conversation " + conversationId + " was assigned meanwhile");
    }
}
