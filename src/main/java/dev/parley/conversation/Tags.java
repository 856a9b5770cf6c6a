package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ConversationTagged;
import dev.parley.conversation.ConversationEvents.ConversationUntagged;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.conversation.internal.TagRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags (labels) on conversations and the workspace's catalogue of them. Adding a name the catalogue does not know
 * creates the tag with a palette colour, as typing a new label does in most help desks; names are unique
 * regardless of case.
 */
@Service
public class Tags {

    public static final int MAX_NAME = 40;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.&+/#-]*");

    private final TagRepository tags;
    private final ConversationRepository conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tags(TagRepository tags, ConversationRepository conversations, ApplicationEventPublisher events, Clock clock) {
        this.tags = tags;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    public List<Tag> catalogue() {
        return tags.all();
    }

    public Optional<Tag> byName(String name) {
        return name == null || name.isBlank() ? Optional.empty() : tags.byKey(key(name));
    }

    public Tag get(UUID id) {
        return tags.find(id).orElseThrow(() -> ApiException.notFound("Tag " + id));
    }

    @Transactional
    public Tag create(String name, String colour) {
        String valid = validName(name);
        if (tags.byKey(key(valid)).isPresent()) {
            throw ApiException.conflict("A tag named '" + valid + "' already exists");
        }
        Tag tag = new Tag(UUID.randomUUID(), valid,
                colour == null || colour.isBlank() ? TagColours.forName(valid) : TagColours.valid(colour));
        tags.insert(tag, key(valid), clock.instant());
        return tag;
    }

    /** Renames or recolours a tag; {@code null} keeps a field. Every conversation carrying it shows the change. */
    @Transactional
    public Tag change(UUID id, String name, String colour) {
        Tag current = get(id);
        String newName = name == null ? current.name() : validName(name);
        tags.byKey(key(newName)).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw ApiException.conflict("A tag named '" + other.name() + "' already exists");
        });
        Tag changed = new Tag(id, newName, colour == null ? current.colour() : TagColours.valid(colour));
        tags.update(changed, key(newName));
        return changed;
    }

    /** Deletes the tag from the catalogue and from every conversation that carried it. */
    @Transactional
    public Tag delete(UUID id) {
        Tag tag = get(id);
        tags.delete(id);
        return tag;
    }

    public List<Tag> of(UUID conversationId) {
        return tags.of(conversationId);
    }

    public Map<UUID, List<Tag>> of(Collection<UUID> conversationIds) {
        return tags.of(conversationIds);
    }

    /** The tag, whether it was new to the catalogue, and whether the conversation did not carry it before. */
    public record Tagging(Tag tag, boolean created, boolean added) {
    }

    /** Tags the conversation by name (creating the tag when it is new); adding a tag it has changes nothing. */
    @Transactional
    public Tagging add(UUID conversationId, String name, UUID agentId) {
        requireConversation(conversationId);
        String valid = validName(name);
        Optional<Tag> known = tags.byKey(key(valid));
        Tag tag = known.orElseGet(() -> create(valid, null));
        Instant now = clock.instant();
        boolean added = tags.attach(conversationId, tag.id(), agentId, now);
        if (added) {
            events.publishEvent(new ConversationTagged(conversationId, tag.id(), tag.name(), agentId, now));
            events.publishEvent(new ConversationUpdated(conversationId, now));
        }
        return new Tagging(tag, known.isEmpty(), added);
    }

    /** Removes the tag from the conversation; false when it did not carry it. */
    @Transactional
    public boolean remove(UUID conversationId, UUID tagId, UUID agentId) {
        requireConversation(conversationId);
        Tag tag = get(tagId);
        Instant now = clock.instant();
        if (!tags.detach(conversationId, tagId)) {
            return false;
        }
        events.publishEvent(new ConversationUntagged(conversationId, tag.id(), tag.name(), agentId, now));
        events.publishEvent(new ConversationUpdated(conversationId, now));
        return true;
    }

    private void requireConversation(UUID conversationId) {
        if (conversations.find(conversationId).isEmpty()) {
            throw ApiException.notFound("Conversation " + conversationId);
        }
    }

    static String validName(String name) {
        String value = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            throw ApiException.badRequest("A tag needs a name");
        }
        if (value.length() > MAX_NAME) {
            throw ApiException.badRequest("A tag name has at most " + MAX_NAME + " characters");
        }
        if (!NAME.matcher(value).matches()) {
            throw ApiException.badRequest(
                    "A tag name starts with a letter or digit and holds letters, digits, spaces and _ . & + / # -");
        }
        return value;
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
