package dev.parley.conversation;

import dev.parley.conversation.internal.InboxRepository;
import dev.parley.shared.ApiException;
import dev.parley.shared.CleanText;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inboxes conversations arrive in. The website chat inbox always exists (created by the first migration). */
@Service
public class Inboxes {

    /** The website chat (widget) inbox every installation starts with. */
    public static final UUID WEBSITE_CHAT = UUID.fromString("7e5b0000-0000-4000-8000-000000000001");

    private final InboxRepository inboxes;
    private final Clock clock;

    Inboxes(InboxRepository inboxes, Clock clock) {
        this.inboxes = inboxes;
        this.clock = clock;
    }

    public List<Inbox> all() {
        return inboxes.all();
    }

    public Optional<Inbox> find(UUID id) {
        return id == null ? Optional.empty() : inboxes.find(id);
    }

    public Inbox get(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Inbox " + id));
    }

    public Optional<Inbox> byAddress(String channelType, String address) {
        return inboxes.byAddress(channelType, normalizeAddress(address));
    }

    /** Creates an inbox; an inbox of the same channel type and address is a 409. */
    @Transactional
    public Inbox create(String channelType, String name, String address, AssistantMode mode) {
        String cleanName = CleanText.of(name);
        if (cleanName == null || cleanName.isBlank() || cleanName.length() > 200) {
            throw ApiException.badRequest("An inbox needs a name of 1 to 200 characters");
        }
        String normalized = normalizeAddress(address);
        if (normalized != null && inboxes.byAddress(channelType, normalized).isPresent()) {
            throw ApiException.conflict("There is already a " + channelType + " inbox for " + normalized);
        }
        Inbox inbox = new Inbox(UUID.randomUUID(), channelType, cleanName.strip(), normalized,
                mode == null ? AssistantMode.ANSWER : mode, true, clock.instant());
        inboxes.insert(inbox);
        return inbox;
    }

    @Transactional
    public Inbox update(UUID id, String name, AssistantMode mode, boolean enabled) {
        Inbox current = get(id);
        String cleanName = CleanText.of(name);
        Inbox updated = new Inbox(id, current.channelType(),
                cleanName == null || cleanName.isBlank() ? current.name() : cleanName.strip(),
                current.address(), mode == null ? current.assistantMode() : mode, enabled, current.createdAt());
        inboxes.update(updated, clock.instant());
        return updated;
    }

    private static String normalizeAddress(String address) {
        return address == null || address.isBlank() ? null : address.strip().toLowerCase(Locale.ROOT);
    }
}
