package dev.parley.conversation;

import dev.parley.shared.CleanText;
import java.util.Locale;

/** One way to reach a contact: an email address, a phone number, a widget visitor id or another system's id. */
public record ContactHandle(Kind kind, String value) {

    public enum Kind {
        EMAIL, PHONE, VISITOR, EXTERNAL
    }

    /** Email addresses compare case-insensitively and phone numbers without spaces, so one person stays one contact. */
    public ContactHandle {
        if (kind == null) {
            throw new IllegalArgumentException("A contact handle needs a kind");
        }
        value = CleanText.of(value);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A contact handle needs a value");
        }
        value = switch (kind) {
            case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
            case PHONE -> value.replaceAll("[\\s().-]", "");
            default -> value.strip();
        };
        if (value.length() > 320) {
            throw new IllegalArgumentException("A contact handle is at most 320 characters");
        }
    }

    public static ContactHandle email(String address) {
        return new ContactHandle(Kind.EMAIL, address);
    }

    public static ContactHandle visitor(String visitorId) {
        return new ContactHandle(Kind.VISITOR, visitorId);
    }
}
