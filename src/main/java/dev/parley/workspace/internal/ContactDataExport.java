package dev.parley.workspace.internal;

import dev.parley.action.ActionExecution;
import dev.parley.conversation.ContactExport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The GDPR export: the contact, their conversations as the conversation module keeps them, and the actions run for
 * them in those conversations (what was looked up or changed with which values, as the execution log keeps them:
 * redacted values masked, never credentials).
 */
public record ContactDataExport(Instant exportedAt, ContactExport.Person contact,
        List<ContactExport.ConversationRecord> conversations, List<ActionCall> actionCalls) {

    public record ActionCall(UUID conversationId, String action, String status, String inputs, String outputs,
            String answer, Instant at) {

        static ActionCall of(ActionExecution execution) {
            return new ActionCall(execution.conversationId(), execution.actionName(), execution.status(),
                    execution.inputs(), execution.outputs(), execution.answer(), execution.createdAt());
        }
    }
}
