package dev.parley.workspace.internal;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Tag;
import dev.parley.conversation.Tags;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.shared.ApiException;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing a ticket, from the pages and the REST API alike: category, subject and tags on a conversation, and the
 * tag catalogue (renaming, recolouring and deleting tags takes a supervisor). Every change is audited.
 */
@Component
public class TicketActions {

    private final Conversations conversations;
    private final Tags tags;
    private final AuditLog audit;
    private final dev.parley.conversation.ConversationMerge merge;

    TicketActions(Conversations conversations, Tags tags, AuditLog audit, dev.parley.conversation.ConversationMerge merge) {
        this.merge = merge;
        this.conversations = conversations;
        this.tags = tags;
        this.audit = audit;
    }

    /** Files the conversation under a category, or under none with a blank one. */
    @Transactional
    public Conversation changeCategory(AgentPrincipal me, UUID id, String category) {
        Conversation before = conversations.get(id);
        Conversation after = conversations.update(id,
                new ConversationChanges(null, category == null ? "" : category, null, false, null, false));
        if (!Objects.equals(before.category(), after.category())) {
            audited(me, "conversation.category", id, before.category() + " -> " + after.category());
        }
        return after;
    }

    @Transactional
    public Conversation changeSubject(AgentPrincipal me, UUID id, String subject) {
        Conversation before = conversations.get(id);
        Conversation after = conversations.changeSubject(id, subject, me.id());
        if (!Objects.equals(before.subject(), after.subject())) {
            audited(me, "conversation.subject", id, before.subject() + " -> " + after.subject());
        }
        return after;
    }

    @Transactional
    public Tags.Tagging addTag(AgentPrincipal me, UUID id, String name) {
        Tags.Tagging tagging = tags.add(id, name, me.id());
        Tag tag = tagging.tag();
        if (tagging.created()) {
            audit.record(me.actor(), "tag.created", "tag " + tag.id(), tag.name() + " " + tag.colour());
        }
        if (tagging.added()) {
            audited(me, "conversation.tag-added", id, tag.name());
        }
        return tagging;
    }

    @Transactional
    public boolean removeTag(AgentPrincipal me, UUID id, UUID tagId) {
        Tag tag = tags.get(tagId);
        boolean removed = tags.remove(id, tagId, me.id());
        if (removed) {
            audited(me, "conversation.tag-removed", id, tag.name());
        }
        return removed;
    }

    @Transactional
    public Tag createTag(AgentPrincipal me, String name, String colour) {
        Tag tag = tags.create(name, colour);
        audit.record(me.actor(), "tag.created", "tag " + tag.id(), tag.name() + " " + tag.colour());
        return tag;
    }

    @Transactional
    public Tag changeTag(AgentPrincipal me, UUID tagId, String name, String colour) {
        requireSupervisor(me, "change tags");
        Tag before = tags.get(tagId);
        Tag after = tags.change(tagId, name, colour);
        audit.record(me.actor(), "tag.changed", "tag " + tagId,
                before.name() + " " + before.colour() + " -> " + after.name() + " " + after.colour());
        return after;
    }

    @Transactional
    public Tag deleteTag(AgentPrincipal me, UUID tagId) {
        requireSupervisor(me, "delete tags");
        Tag tag = tags.delete(tagId);
        audit.record(me.actor(), "tag.deleted", "tag " + tagId, tag.name());
        return tag;
    }

    /** Merges another conversation of the same contact into this one ({@code targetId}); audited. */
    @Transactional
    public int merge(AgentPrincipal me, UUID targetId, UUID sourceId) {
        if (sourceId == null) {
            throw ApiException.badRequest("sourceId is required: the conversation to merge into this one");
        }
        int moved = merge.merge(sourceId, targetId, me.id(), me.name());
        audit.record(me.actor(), "conversation.merged", "conversation " + targetId,
                "conversation " + sourceId + " merged in, " + moved + " messages");
        return moved;
    }

    private static void requireSupervisor(AgentPrincipal me, String what) {
        if (!me.isAtLeast(Role.SUPERVISOR)) {
            throw ApiException.forbidden("Only supervisors and admins " + what);
        }
    }

    private void audited(AgentPrincipal me, String action, UUID conversationId, String detail) {
        audit.record(me.actor(), action, "conversation " + conversationId, detail);
    }
}
