package dev.parley.conversation;

/** What became of an AI answer's "Did that help?": the customer's click, or no click before the timeout. */
public enum AnswerVerdict {
    /** "Yes, thanks": the AI resolution is confirmed by the customer. */
    CONFIRMED,
    /** "No, I need more help": handed over to people ({@link EscalationReason#NOT_HELPFUL}). */
    NOT_HELPFUL,
    /** No click within the feedback timeout after the customer left: the AI resolution is assumed. */
    ASSUMED
}
