package dev.parley.conversation;

import dev.parley.conversation.internal.VerifiedConversationRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Which conversations were started by a customer the host site verified, and with which identity. Channels
 * record it through {@link NewConversation#verified()}; agents' pages, the widget and the assistant read it.
 */
@Service
public class VerifiedCustomers {

    private static final int MAX_LISTED = 100;

    private final VerifiedConversationRepository repository;

    VerifiedCustomers(VerifiedConversationRepository repository) {
        this.repository = repository;
    }

    public Optional<VerifiedCustomer> ofConversation(UUID conversationId) {
        return conversationId == null ? Optional.empty() : repository.ofConversation(conversationId);
    }

    public Optional<VerifiedCustomer> ofContact(UUID contactId) {
        return contactId == null ? Optional.empty() : repository.ofContact(contactId);
    }

    /** The customer's verified conversations, most recently updated first. */
    public List<VerifiedConversation> conversationsOf(String customerId, int limit) {
        return repository.ofCustomer(customerId, Math.clamp(limit, 1, MAX_LISTED));
    }

    /** Whether {@code conversationId} was started by the verified customer {@code customerId}. */
    public boolean startedBy(UUID conversationId, String customerId) {
        return ofConversation(conversationId).map(v -> v.customerId().equals(customerId)).orElse(false);
    }

    void record(UUID conversationId, VerifiedCustomer customer) {
        repository.insert(conversationId, customer);
    }
}
