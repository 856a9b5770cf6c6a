package dev.parley.conversation;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant decided: an answer with its calibrated confidence and sources, or an escalation
 * with a reason and the honest text the customer is shown.
 */
public record AssistantOutcome(String replyText, double confidence, List<SourceRef> sources,
        EscalationReason escalationReason) {

    public AssistantOutcome {
        Objects.requireNonNull(replyText, "replyText");
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static AssistantOutcome answer(String text, double confidence, List<SourceRef> sources) {
        return new AssistantOutcome(text, confidence, sources, null);
    }

    public static AssistantOutcome escalate(EscalationReason reason, String text, double confidence) {
        return new AssistantOutcome(text, confidence, List.of(), Objects.requireNonNull(reason));
    }

    public boolean escalates() {
        return escalationReason != null;
    }
}
