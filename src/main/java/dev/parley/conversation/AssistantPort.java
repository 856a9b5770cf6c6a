package dev.parley.conversation;

/**
 * The assistant the conversation flow asks about each customer message while the assistant handles
 * the conversation. Implementations answer or escalate; they never write to the conversation
 * themselves, the flow records their outcome.
 */
public interface AssistantPort {

    AssistantOutcome handle(AssistantRequest request);
}
