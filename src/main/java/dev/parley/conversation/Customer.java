package dev.parley.conversation;

import dev.parley.shared.CleanText;

/** Who the conversation is with; every field is optional for an anonymous visitor. Any channel's text is cleaned. */
public record Customer(String name, String email, String visitorId) {

    public Customer {
        name = CleanText.of(name);
        email = CleanText.of(email);
        visitorId = CleanText.of(visitorId);
    }

    public static Customer anonymous() {
        return new Customer(null, null, null);
    }

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return email != null && !email.isBlank() ? email : "Visitor";
    }
}
