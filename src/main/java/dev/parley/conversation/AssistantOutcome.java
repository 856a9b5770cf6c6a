package dev.parley.conversation;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant decided: an answer with its calibrated confidence and sources, a question the customer's next
 * message answers ({@code awaitsCustomer}: the conversation stays open, nothing is resolved), or an escalation with a
 * reason, the honest text the customer is shown and, where there is one, an internal note for the agent.
 */
public record AssistantOutcome(String replyText, double confidence, List<SourceRef> sources,
        EscalationReason escalationReason, String agentNote, boolean awaitsCustomer) {

    public AssistantOutcome {
        Objects.requireNonNull(replyText, "replyText");
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static AssistantOutcome answer(String text, double confidence, List<SourceRef> sources) {
        return new AssistantOutcome(text, confidence, sources, null, null, false);
    }

    /** A question (an input an action needs, "Yes / No"): posted as the reply, the conversation stays open. */
    public static AssistantOutcome question(String text, double confidence) {
        return new AssistantOutcome(text, confidence, List.of(), null, null, true);
    }

    public static AssistantOutcome escalate(EscalationReason reason, String text, double confidence) {
        return handOver(reason, text, confidence, null);
    }

    /** An escalation whose {@code agentNote} (what was tried, why it failed) becomes an internal note. */
    public static AssistantOutcome handOver(EscalationReason reason, String text, double confidence,
            String agentNote) {
        return new AssistantOutcome(text, confidence, List.of(), Objects.requireNonNull(reason), agentNote, false);
    }

    public boolean escalates() {
        return escalationReason != null;
    }
}
