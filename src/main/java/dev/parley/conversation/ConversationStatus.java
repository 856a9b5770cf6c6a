package dev.parley.conversation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a conversation stands. The assistant handles {@code OPEN}; a person owns it from
 * {@code ESCALATED} on. Every allowed move is listed here, so illegal moves fail in one place.
 */
public enum ConversationStatus {
    OPEN, AI_RESOLVED, ESCALATED, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED;

    public Set<ConversationStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(AI_RESOLVED, ESCALATED, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED);
            case AI_RESOLVED -> EnumSet.of(OPEN, ESCALATED, IN_PROGRESS, RESOLVED, CLOSED);
            case ESCALATED -> EnumSet.of(IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(ESCALATED, WAITING_CUSTOMER, RESOLVED, CLOSED);
            case WAITING_CUSTOMER -> EnumSet.of(IN_PROGRESS, ESCALATED, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.of(IN_PROGRESS);
        };
    }

    public boolean canMoveTo(ConversationStatus target) {
        return next().contains(target);
    }

    /** True while the assistant, not a person, answers the customer. */
    public boolean handledByAssistant() {
        return this == OPEN || this == AI_RESOLVED;
    }

    /** True once the conversation is done with, for first-response and resolution metrics. */
    public boolean isFinished() {
        return this == RESOLVED || this == CLOSED || this == AI_RESOLVED;
    }
}
