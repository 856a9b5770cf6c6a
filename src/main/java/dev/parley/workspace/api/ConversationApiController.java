package dev.parley.workspace.api;

import dev.parley.conversation.Contact;
import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationSummary;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.Page;
import dev.parley.conversation.Reader;
import dev.parley.identity.AgentPrincipal;
import dev.parley.workspace.QueueStatus;
import dev.parley.workspace.WaitingQueue;
import dev.parley.conversation.Tags;
import dev.parley.workspace.internal.ConversationActions;
import dev.parley.workspace.internal.TicketActions;
import dev.parley.workspace.internal.InboxQuery;
import dev.parley.workspace.internal.InboxView;
import dev.parley.realtime.MessagePayload;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The agents' REST API over conversations; same role rules and audit as the dashboard. */
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations (agents)", description = "List, read, reply to and update conversations")
class ConversationApiController {

    private static final int TRANSCRIPT_LIMIT = 1000;

    private final Conversations conversations;
    private final ConversationQueries queries;
    private final ConversationActions actions;
    private final WaitingQueue queue;
    private final Contacts contacts;
    private final Deliveries deliveries;
    private final TicketActions tickets;
    private final Tags tags;

    ConversationApiController(Conversations conversations, ConversationQueries queries, ConversationActions actions,
            WaitingQueue queue, Contacts contacts, Deliveries deliveries, TicketActions tickets, Tags tags) {
        this.tickets = tickets;
        this.tags = tags;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.conversations = conversations;
        this.queries = queries;
        this.actions = actions;
        this.queue = queue;
    }

    record ConversationDetail(Conversation conversation, Contact contact, List<MessagePayload> messages,
            long customerReadSeq, long agentReadSeq, QueueStatus queue, List<dev.parley.conversation.Tag> tags) {
    }

    record NewMessage(String text, Boolean internal) {
    }

    /** For the OpenAPI document: every field is optional; null clears assigneeId and teamId. */
    record ConversationPatch(
            @Schema(allowableValues = {"OPEN", "AI_RESOLVED", "ESCALATED", "IN_PROGRESS", "WAITING_CUSTOMER",
                    "RESOLVED", "CLOSED"}) String status,
            @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "URGENT"}) String priority,
            @Schema(nullable = true) UUID assigneeId,
            @Schema(description = "one of parley.conversation.categories; empty or null files it under none",
                    nullable = true) String category,
            @Schema(description = "1 to 200 characters", maxLength = 200) String subject,
            @Schema(nullable = true) UUID teamId,
            @Schema(description = "Supervisors and admins: assign even when the agent holds as many open conversations "
                    + "as their capacity (audited); otherwise that is a 409") Boolean overrideCapacity) {
    }

    @GetMapping
    @Operation(summary = "List conversations, longest-waiting first unless sorted otherwise",
            description = "view: mine | unassigned | escalated | all (default all); assignee: an agent id, me or none; "
                    + "q searches subject, customer and messages; sort: waiting (default) | newest | activity")
    Page<ConversationSummary> list(@AuthenticationPrincipal AgentPrincipal me,
            @RequestParam(required = false) String view, @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String team,
            @Parameter(description = "free text") @RequestParam(required = false) String q,
            @Parameter(description = "an inbox id (GET /api/v1/inboxes lists them)") @RequestParam(required = false)
            String inbox,
            @Parameter(description = "a category") @RequestParam(required = false) String category,
            @Parameter(description = "a tag's name, any case") @RequestParam(required = false) String tag,
            @Parameter(description = "waiting (longest waiting customer first, the default), newest (started) or "
                    + "activity (latest change first)") @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
        if (category != null && !category.isBlank()
                && !conversations.categories().contains(category.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw ApiException.badRequest("category must be one of " + conversations.categories());
        }
        InboxQuery query = new InboxQuery(view, status, priority, channel, assignee, team, q, inbox, category, tag,
                sort);
        InboxView inboxView = view == null || view.isBlank() ? InboxView.ALL : query.inboxView();
        return queries.find(inboxView.narrow(query.filter(me.id()), me.id()), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One conversation with its full transcript, internal notes included")
    ConversationDetail get(@PathVariable UUID id) {
        Conversation conversation = conversations.get(id);
        List<MessagePayload> messages = conversations.transcript(id, 0, TRANSCRIPT_LIMIT).stream()
                .map(MessagePayload::from).toList();
        return new ConversationDetail(conversation, contacts.find(conversation.contactId()).orElse(null), messages,
                conversations.readMarker(id, Reader.CUSTOMER),
                conversations.readMarker(id, Reader.AGENT), queue.status(id).orElse(null), tags.of(id));
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to the customer, or add an internal note with internal=true")
    MessagePayload post(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestBody NewMessage body) {
        if (body.text() == null || body.text().isBlank()) {
            throw ApiException.badRequest("text is required");
        }
        return MessagePayload.from(actions.reply(me, id, body.text(), Boolean.TRUE.equals(body.internal())));
    }

    @PostMapping("/{id}/messages/{messageId}/delivery-retries")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a reply again whose delivery failed",
            description = "202 with the delivery, pending again; 404 when the message has no delivery in this "
                    + "conversation, 409 when its delivery has not failed")
    Delivery retryDelivery(@PathVariable UUID id, @PathVariable UUID messageId) {
        return deliveries.retry(id, messageId);
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(summary = "Change status, priority, category, subject, assignee or team; send assigneeId, teamId or "
            + "category as null to clear")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = ConversationPatch.class)))
    Conversation patch(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        conversations.get(id);
        // Assignment first: it takes the assignment lock before any conversation row lock (see ADR 0005).
        if (body.has("assigneeId")) {
            actions.assign(me, id, id(body, "assigneeId"), flag(body, "overrideCapacity"));
        }
        if (body.has("priority")) {
            actions.changePriority(me, id, InboxQuery.parsePriority(text(body, "priority")));
        }
        if (body.has("teamId")) {
            actions.assignTeam(me, id, id(body, "teamId"));
        }
        if (body.has("category")) {
            tickets.changeCategory(me, id, body.get("category").isNull() ? null : text(body, "category"));
        }
        if (body.has("subject")) {
            tickets.changeSubject(me, id, text(body, "subject"));
        }
        if (body.has("status")) {
            actions.changeStatus(me, id, InboxQuery.parseStatus(text(body, "status")));
        }
        return conversations.get(id);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return value.asString();
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static UUID id(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(text(body, field));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " must be an id");
        }
    }
}
