package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One person across channels, with every handle they reached us by. */
public record Contact(UUID id, String name, String email, String phone, List<ContactHandle> handles,
        Instant createdAt) {

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return email != null && !email.isBlank() ? email : phone != null ? phone : "Visitor";
    }
}
