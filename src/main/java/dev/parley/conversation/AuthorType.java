package dev.parley.conversation;

/** Who wrote a message. */
public enum AuthorType {
    CUSTOMER, ASSISTANT, AGENT, SYSTEM
}
