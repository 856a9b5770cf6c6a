package dev.parley.workspace.internal;

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

    private final PersonalData personalData;
    private final AuditLog audit;

    ContactPrivacy(PersonalData personalData, AuditLog audit) {
        this.personalData = personalData;
        this.audit = audit;
    }

    public ContactExport export(Actor actor, UUID contactId) {
        ContactExport export = personalData.export(contactId);
        audit.record(actor, "contact.exported", "contact " + contactId,
                export.conversations().size() + " conversation(s)");
        return export;
    }

    public List<UUID> erase(Actor actor, UUID contactId) {
        List<UUID> conversations = personalData.erase(contactId);
        audit.record(actor, "contact.erased", "contact " + contactId, conversations.size() + " conversation(s)");
        return conversations;
    }
}
