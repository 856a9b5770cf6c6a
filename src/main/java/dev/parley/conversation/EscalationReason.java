package dev.parley.conversation;

/** Why a conversation went from the assistant to a person; shown to agents and counted in analytics. */
public enum EscalationReason {
    /** The knowledge base has nothing that answers the question. */
    NO_KNOWLEDGE,
    /** The best answer's confidence was below the threshold. */
    LOW_CONFIDENCE,
    /** The customer asked for a person. */
    HUMAN_REQUESTED,
    /** The customer is frustrated or angry. */
    FRUSTRATION,
    /** The customer repeats themselves or the assistant keeps missing. */
    LOOP,
    /** The assistant failed (provider down, error); a person takes over rather than leaving the customer waiting. */
    ASSISTANT_ERROR,
    /** An agent or supervisor escalated by hand. */
    MANUAL,
    /** The inbox's assistant only drafts or is off: people answer every message. */
    ASSISTANT_OFF,
    /** The customer said the assistant's answer did not help ("No, I need more help" in the widget). */
    NOT_HELPFUL,
    /** An action (a call to the company's API) failed; the agent gets an internal note with what was tried. */
    ACTION_FAILED,
    /** An action needs a verified customer and this one is anonymous or unverified. */
    IDENTITY_REQUIRED
}
