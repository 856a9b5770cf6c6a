package dev.parley.conversation;

/** Which side of a conversation read messages. */
public enum Reader {
    CUSTOMER, AGENT
}
