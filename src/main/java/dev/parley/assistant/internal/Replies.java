package dev.parley.assistant.internal;

import dev.parley.conversation.EscalationReason;

/** What the customer is told when the assistant hands over: honest about what happens next. */
final class Replies {

    private Replies() {
    }

    static String escalation(EscalationReason reason) {
        return switch (reason) {
            case HUMAN_REQUESTED -> "Of course. I've asked a member of our support team to take over; "
                    + "they will reply right here as soon as they are available.";
            case FRUSTRATION -> "I'm sorry this has been frustrating. I've passed the conversation to a person "
                    + "on our support team, who will reply here as soon as possible.";
            case LOOP -> "It looks like my answers aren't helping, so I've handed this conversation to our "
                    + "support team. A person will reply here as soon as possible.";
            case NOT_HELPFUL -> "Sorry that didn't help. I've passed your conversation to our support team; "
                    + "a person will reply here as soon as possible.";
            case NO_KNOWLEDGE -> "I don't have an answer for that in our help articles, so I've passed your "
                    + "question to our support team. A person will reply here as soon as possible.";
            case ACTION_FAILED -> "Sorry, I couldn't look that up just now. I've passed your question to our support "
                    + "team; a person will reply here as soon as possible.";
            case IDENTITY_REQUIRED -> "I can only do that for signed-in customers. I've passed your question to our "
                    + "support team; a person will reply here as soon as possible.";
            default -> "I'm not sure enough to answer that correctly, so I've passed your question to our "
                    + "support team. A person will reply here as soon as possible.";
        };
    }
}
