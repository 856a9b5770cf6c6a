package dev.parley.conversation;

/** Who the conversation is with; every field is optional for an anonymous visitor. */
public record Customer(String name, String email, String visitorId) {

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
