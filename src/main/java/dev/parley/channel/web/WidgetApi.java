package dev.parley.channel.web;

import dev.parley.channel.web.WidgetRequests.Contact;
import dev.parley.channel.web.WidgetRequests.PostMessage;
import dev.parley.channel.web.WidgetRequests.Read;
import dev.parley.channel.web.WidgetRequests.StartConversation;
import dev.parley.channel.web.WidgetRequests.Typing;
import dev.parley.channel.web.WidgetResponses.Posted;
import dev.parley.channel.web.WidgetResponses.Started;
import dev.parley.channel.web.WidgetResponses.State;
import dev.parley.channel.web.WidgetResponses.Transcript;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageAdmission;
import dev.parley.conversation.Reader;
import dev.parley.realtime.MessagePayload;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API the chat widget talks to. Starting a conversation needs no sign-up and returns a
 * token; every other call must present that token as {@code Authorization: Bearer <token>}. A customer message is
 * handled within {@link CustomerMessageAdmission}'s bound, taken before anything is read or stored.
 */
@RestController
@RequestMapping("/api/v1/widget/conversations")
@Tag(name = "Widget", description = "Public customer-facing chat API")
class WidgetApi {

    private static final int PAGE = 200;

    private final WidgetConversations widget;
    private final Conversations conversations;
    private final RealtimeBus bus;
    private final WidgetStates states;

    private final WidgetAccess access;
    private final CustomerMessageAdmission admission;

    WidgetApi(WidgetConversations widget, Conversations conversations, RealtimeBus bus, WidgetStates states,
            WidgetAccess access, CustomerMessageAdmission admission) {
        this.access = access;
        this.admission = admission;
        this.states = states;
        this.widget = widget;
        this.conversations = conversations;
        this.bus = bus;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a conversation, optionally with a first message")
    Started start(@Valid @RequestBody StartConversation request, ClientContext client) {
        if (request.message() == null || request.message().isBlank()) {
            return widget.start(request, client);
        }
        return admission.admit(() -> widget.start(request, client));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Send a customer message; the assistant's immediate reply is included")
    ResponseEntity<Posted> post(@PathVariable UUID id, @Valid @RequestBody PostMessage request,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ClientContext client) {
        Posted posted = admission.admit(() -> {
            access.authorize(id, authorization);
            return widget.post(id, request, client);
        });
        return ResponseEntity.status(posted.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(posted);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The transcript visible to the customer, after a cursor")
    Transcript messages(@PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Conversation conversation = access.authorize(id, authorization);
        List<MessagePayload> messages = conversations.visibleMessagesToShow(id, after, PAGE).stream()
                .map(MessagePayload::from).toList();
        return new Transcript(id, conversation.status().name(), messages, WidgetResponses.cursorOf(messages, after));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The conversation's status and contact details")
    State state(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Conversation conversation = access.authorize(id, authorization);
        return states.of(conversation);
    }

    @PostMapping("/{id}/typing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Tell agents the customer is (not) typing")
    void typing(@PathVariable UUID id, @Valid @RequestBody Typing request,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ClientContext client) {
        access.authorize(id, authorization);
        widget.checkTypingLimit(client);
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "typing", 0,
                Map.of("conversationId", id, "author", "CUSTOMER", "typing", request.typing())));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark messages up to a cursor as seen by the customer")
    void read(@PathVariable UUID id, @Valid @RequestBody Read request,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.authorize(id, authorization);
        conversations.markRead(id, Reader.CUSTOMER, request.upToSeq());
    }

    @PostMapping("/{id}/contact")
    @Operation(summary = "Leave a name and email so the team can continue by email")
    State contact(@PathVariable UUID id, @Valid @RequestBody Contact request,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ClientContext client) {
        access.authorize(id, authorization);
        widget.checkContactLimit(client);
        Conversation updated = conversations.updateCustomer(id, request.name(), request.email());
        return states.of(updated);
    }
}
