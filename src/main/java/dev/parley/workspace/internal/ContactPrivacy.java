package dev.parley.workspace.internal;

import dev.parley.action.Actions;
import dev.parley.conversation.ContactExport;
import dev.parley.conversation.PersonalData;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** An admin exports or erases a contact's personal data (GDPR); either way the audit log says who and when. */
@Component
public class ContactPrivacy {

    /** The most action calls exported per conversation (the log keeps every one; a conversation rarely has many). */
    static final int ACTION_CALLS_PER_CONVERSATION = 500;

    private final PersonalData personalData;
    private final Actions actions;
    private final AuditLog audit;

    ContactPrivacy(PersonalData personalData, Actions actions, AuditLog audit) {
        this.personalData = personalData;
        this.actions = actions;
        this.audit = audit;
    }

    public ContactDataExport export(Actor actor, UUID contactId) {
        ContactExport export = personalData.export(contactId);
        List<ContactDataExport.ActionCall> calls = export.conversations().stream()
                .flatMap(c -> actions.executionsInConversation(c.id(), ACTION_CALLS_PER_CONVERSATION).reversed()
                        .stream())
                .filter(execution -> !execution.mock())
                .map(ContactDataExport.ActionCall::of)
                .toList();
        audit.record(actor, "contact.exported", "contact " + contactId,
                export.conversations().size() + " conversation(s)");
        return new ContactDataExport(export.exportedAt(), export.contact(), export.conversations(), calls);
    }

    public List<UUID> erase(Actor actor, UUID contactId) {
        List<UUID> conversations = personalData.erase(contactId);
        audit.record(actor, "contact.erased", "contact " + contactId, conversations.size() + " conversation(s)");
        return conversations;
    }
}
