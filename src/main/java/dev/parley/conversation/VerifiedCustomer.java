package dev.parley.conversation;

import java.time.Instant;

/**
 * A customer whose identity the host site vouched for with a signature (widget identity verification): the
 * site's own customer id and the email address it signed. Only such customers see their earlier conversations
 * and may use actions that need an identity.
 */
public record VerifiedCustomer(String customerId, String email, Instant verifiedAt) {

    public VerifiedCustomer {
        if (customerId == null || customerId.isBlank() || email == null || email.isBlank()) {
            throw new IllegalArgumentException("A verified customer has an id and an email address");
        }
    }
}
