package dev.parley.conversation;

/** How urgent a conversation is; agents sort and filter by it. */
public enum Priority {
    LOW, MEDIUM, HIGH, URGENT
}
