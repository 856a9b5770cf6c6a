package dev.parley.conversation;

/**
 * What a customer who writes while waiting for a person is told once per wait: their place in the queue or the
 * expected reply time. Implemented where the queue lives (the workspace); without it, a plain "a person will reply".
 */
public interface WaitingNotice {

    String FALLBACK = "Thanks — we've got your message. A person from our team will reply here as soon as possible.";

    /** The notice's text for a conversation waiting for a person (escalated, not yet answered by an agent). */
    String text(Conversation conversation);
}
