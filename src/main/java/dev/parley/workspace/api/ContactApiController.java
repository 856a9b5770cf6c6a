package dev.parley.workspace.api;

import dev.parley.conversation.Contact;
import dev.parley.conversation.Contacts;
import dev.parley.identity.AgentPrincipal;
import dev.parley.workspace.internal.ContactDataExport;
import dev.parley.workspace.internal.ContactPrivacy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people behind conversations: read a contact, correct their name or email address; admins export or erase a
 * contact's personal data (GDPR; the security configuration keeps those two to admins).
 */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts (agents)", description = "One person across channels, with every handle they reached us by")
class ContactApiController {

    private final Contacts contacts;
    private final ContactPrivacy privacy;

    ContactApiController(Contacts contacts, ContactPrivacy privacy) {
        this.contacts = contacts;
        this.privacy = privacy;
    }

    /** What an erasure touched. */
    record Erased(UUID contactId, List<UUID> conversationIds) {
    }

    /** Both optional: a missing or blank field keeps its value. */
    record ContactPatch(String name, String email) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact with its handles (email, phone, widget visitor, other systems' ids)")
    Contact get(@PathVariable UUID id) {
        return contacts.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Correct a contact's name or email address",
            description = "400 for an invalid address or an over-long name; 409 when another contact has the address")
    Contact patch(@PathVariable UUID id, @RequestBody ContactPatch body) {
        return contacts.update(id, body.name(), body.email());
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Everything kept about a contact, as a JSON download (admins; GDPR access request)",
            description = "The contact, every conversation with its customer-visible messages and CSAT, and the actions "
                    + "run for them (masked as the action log keeps them); audited")
    ResponseEntity<ContactDataExport> export(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id) {
        ContactDataExport export = privacy.export(me.actor(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("contact-" + id + ".json").build().toString())
                .body(export);
    }

    @PostMapping("/{id}/erase")
    @Operation(summary = "Erase a contact's personal data (admins; GDPR erasure)",
            description = "Anonymises the contact and every text of their conversations; the conversations still "
                    + "count in analytics. Erasing again is harmless; audited")
    Erased erase(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id) {
        return new Erased(id, privacy.erase(me.actor(), id));
    }
}
