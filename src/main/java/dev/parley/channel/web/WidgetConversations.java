package dev.parley.channel.web;

import dev.parley.channel.widget.WidgetConversationStore;
import dev.parley.channel.widget.WidgetIdentityStore.Session;
import dev.parley.conversation.VerifiedCustomer;
import java.time.Clock;
import java.util.Optional;

import dev.parley.assistant.AssistantReadiness;
import dev.parley.channel.web.WidgetRequests.PostMessage;
import dev.parley.channel.web.WidgetRequests.StartConversation;
import dev.parley.channel.web.WidgetResponses.Posted;
import dev.parley.channel.web.WidgetResponses.Started;
import dev.parley.conversation.ConversationSettings;
import dev.parley.conversation.Conversations;
import dev.parley.shared.ApiException;
import dev.parley.shared.Secrets;
import dev.parley.shared.StartingUpException;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.CustomerMessageResult;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.InboundAttachment;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.conversation.StartedConversation;
import dev.parley.realtime.MessagePayload;
import dev.parley.shared.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The web channel: turns widget requests into conversations and customer messages, within per-IP limits. */
@Service
class WidgetConversations {

    static final String CHANNEL = "web";
    static final Duration STARTING_UP_RETRY = Duration.ofSeconds(3);

    private final Conversations conversations;
    private final CustomerMessageFlow flow;
    private final RateLimiter limiter;
    private final WidgetSettings settings;
    private final ConversationSettings conversationSettings;
    private final AssistantReadiness assistant;
    /** How long a message waits for the assistant right after a start before the widget is asked to resend it. */
    private final Duration startupWait;

    private final WidgetConversationStore widgetConversations;
    private final TransactionTemplate tx;
    private final WidgetIdentity identity;
    private final Clock clock;
    private final WidgetPreChat preChat;

    WidgetConversations(Conversations conversations, CustomerMessageFlow flow, RateLimiter limiter,
            WidgetSettings settings, ConversationSettings conversationSettings, AssistantReadiness assistant,
            @Value("${parley.widget.startup-wait:10s}") Duration startupWait,
            WidgetConversationStore widgetConversations, TransactionTemplate tx, WidgetIdentity identity,
            Clock clock, WidgetPreChat preChat) {
        this.preChat = preChat;
        this.identity = identity;
        this.clock = clock;
        this.widgetConversations = widgetConversations;
        this.tx = tx;
        this.conversationSettings = conversationSettings;
        this.assistant = assistant;
        this.startupWait = startupWait;
        this.conversations = conversations;
        this.flow = flow;
        this.limiter = limiter;
        this.settings = settings;
    }

    Started start(StartConversation request, ClientContext client) {
        if (request.message() != null && request.message().strip().length() > conversationSettings.maxMessageLength()) {
            throw ApiException.badRequest("message is " + request.message().strip().length()
                    + " characters; the limit is " + conversationSettings.maxMessageLength());
        }
        // An identity token that expired starts an anonymous conversation (the response says it is not verified).
        Optional<Session> identified = identity.session(blankToNull(request.identityToken()));
        preChat.check(request, identified.isPresent());
        if (request.message() != null && !request.message().isBlank()) {
            waitForTheAssistant();
        }
        limiter.check("widget:start:" + client.ip(), settings.conversationsPerHour(), Duration.ofHours(1),
                "new conversations from your address");
        if (request.message() != null && !request.message().isBlank()) {
            // The first message counts like any other: starting conversations must not bypass the message limit.
            checkMessageLimit(client);
        }
        String token = Secrets.newToken();
        String visitorId = blankToNull(request.visitorId());
        Customer customer = identified
                .map(s -> new Customer(s.name() != null ? s.name() : blankToNull(request.name()), s.email(), visitorId))
                .orElseGet(() -> new Customer(blankToNull(request.name()), blankToNull(request.email()), visitorId));
        VerifiedCustomer verified = identified.map(s -> new VerifiedCustomer(s.customerId(), s.email(),
                clock.instant())).orElse(null);
        StartedConversation started = tx.execute(status -> {
            StartedConversation s = conversations.start(new NewConversation(CHANNEL, null, customer,
                    new SourceDetails(blankToNull(request.pageUrl()), client.userAgent(), client.referrer()),
                    request.category(), verified));
            widgetConversations.insert(s.conversation().id(), Secrets.sha256Hex(token), visitorId,
                    s.conversation().createdAt());
            return s;
        });
        UUID id = started.conversation().id();
        List<MessagePayload> messages = new ArrayList<>();
        String status = started.conversation().status().name();
        if (request.message() != null && !request.message().isBlank()) {
            CustomerMessageResult result = flow.receive(id, new IncomingMessage(request.message(),
                    request.clientMessageId()));
            messages.add(MessagePayload.from(result.message()));
            result.reply().map(MessagePayload::from).ifPresent(messages::add);
            status = result.conversation().status().name();
        }
        return new Started(id, token, status, messages, WidgetResponses.cursorOf(messages, 0), verified != null);
    }

    Posted post(UUID conversationId, PostMessage request, ClientContext client) {
        return post(conversationId, request, List.of(), client);
    }

    /** A customer message with files (checked by the attachment policy); counts against the message limit. */
    Posted post(UUID conversationId, PostMessage request, List<InboundAttachment> files, ClientContext client) {
        checkMessageLimit(client);
        if (conversations.get(conversationId).status().handledByAssistant()) {
            waitForTheAssistant();
        }
        CustomerMessageResult result = flow.receive(conversationId,
                new IncomingMessage(request.text(), request.clientMessageId()), files);
        MessagePayload reply = result.reply().map(MessagePayload::from).orElse(null);
        long cursor = reply != null ? reply.seq() : result.message().seq();
        return new Posted(MessagePayload.from(result.message()), reply, result.conversation().status().name(), cursor,
                result.replayed());
    }

    /**
     * Right after a start the assistant has not loaded the knowledge yet and would hand every question over with
     * a false "no answer": the message waits a little, and if the assistant is still loading it is not taken
     * (nothing stored); the widget says "starting up, one moment" and sends it again after Retry-After.
     */
    private void waitForTheAssistant() {
        if (!assistant.ready() && !assistant.awaitReady(startupWait)) {
            throw new StartingUpException("The assistant is starting up; please send your message again in a moment.",
                    STARTING_UP_RETRY);
        }
    }

    /** Typing updates are cheap but fan out to every dashboard: they are limited per client IP too. */
    void checkTypingLimit(ClientContext client) {
        limiter.check("widget:typing:" + client.ip(), settings.typingPerMinute(), Duration.ofMinutes(1),
                "typing updates from your address");
    }

    void checkContactLimit(ClientContext client) {
        limiter.check("widget:contact:" + client.ip(), settings.contactChangesPerHour(), Duration.ofHours(1),
                "contact detail changes from your address");
    }

    private void checkMessageLimit(ClientContext client) {
        limiter.check("widget:message:" + client.ip(), settings.messagesPerMinute(), Duration.ofMinutes(1),
                "messages from your address");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
