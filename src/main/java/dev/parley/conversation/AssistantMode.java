package dev.parley.conversation;

/** What the assistant does with customer messages in an inbox. */
public enum AssistantMode {
    /** Answers the customer itself, escalating low confidence as in chat. */
    ANSWER,
    /** Writes its answer as an internal note for an agent to send; the conversation goes to people. */
    DRAFT,
    /** Stays out: every message goes to people. */
    OFF
}
