package dev.parley.workspace.api;

import dev.parley.conversation.Contact;
import dev.parley.conversation.Contacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The people behind conversations: read a contact, correct their name or email address. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts (agents)", description = "One person across channels, with every handle they reached us by")
class ContactApiController {

    private final Contacts contacts;

    ContactApiController(Contacts contacts) {
        this.contacts = contacts;
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
}
