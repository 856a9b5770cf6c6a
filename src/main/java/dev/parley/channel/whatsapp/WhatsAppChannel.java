package dev.parley.channel.whatsapp;

import dev.parley.channel.spi.ChannelAdapter;
import dev.parley.channel.spi.ChannelFactory;
import dev.parley.channel.spi.DeliveryFailure;
import dev.parley.channel.spi.DeliveryReceipt;
import dev.parley.channel.spi.OutboundMessage;
import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.Inbox;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp channel: a reply is POSTed to the Graph API's messages endpoint of the inbox's phone number. Within
 * 24 hours of the customer's last message it is sent as text; later WhatsApp takes only approved templates, so the
 * inbox's re-engagement template is sent instead, or (without one) the delivery fails with the reason shown to the
 * agent. A 4xx from Meta fails for good with Meta's message; a 5xx, 429 or an unreachable Graph API is retried.
 */
@Component
class WhatsAppChannel implements ChannelFactory {

    static final Duration WINDOW = Duration.ofHours(24);
    static final String OUTSIDE_WINDOW =
            "WhatsApp allows only template messages more than 24 hours after the customer's last message";
    /** Meta's error code for free text sent outside the customer-service window. */
    private static final int RE_ENGAGEMENT_REQUIRED = 131047;
    private static final int MAX_TEXT = 4096;

    private final WhatsAppInboxes inboxes;
    private final WhatsAppSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    WhatsAppChannel(WhatsAppInboxes inboxes, WhatsAppSettings settings, JsonMapper json, Clock clock) {
        this.inboxes = inboxes;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String id() {
        return WhatsAppInboxes.CHANNEL;
    }

    @Override
    public ChannelAdapter create(Inbox inbox) {
        return outbound -> {
            WhatsAppInboxes.Settings config = inboxes.settings(inbox.id()).orElseThrow(() -> DeliveryFailure.permanent(
                    "The WhatsApp inbox " + inbox.name() + " has no phone number configured"));
            String to = recipient(outbound);
            Instant last = outbound.conversation().lastCustomerMessageAt();
            boolean inWindow = last != null && !clock.instant().isAfter(last.plus(WINDOW));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("messaging_product", "whatsapp");
            body.put("recipient_type", "individual");
            body.put("to", to);
            if (inWindow) {
                String text = outbound.message().text();
                body.put("type", "text");
                body.put("text", Map.of("body", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text));
            } else if (config.hasTemplate()) {
                body.put("type", "template");
                body.put("template", Map.of("name", config.templateName(),
                        "language", Map.of("code", config.templateLanguage())));
            } else {
                throw DeliveryFailure.permanent(OUTSIDE_WINDOW);
            }
            return send(config, body);
        };
    }

    /** The customer's WhatsApp id: the conversation's {@code wa:} thread key, else the contact's handle. */
    static String recipient(OutboundMessage outbound) throws DeliveryFailure {
        List<String> keys = outbound.threadKeys();
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).startsWith(WhatsAppWebhook.THREAD_PREFIX)) {
                return keys.get(i).substring(WhatsAppWebhook.THREAD_PREFIX.length());
            }
        }
        if (outbound.contact() != null) {
            for (ContactHandle handle : outbound.contact().handles()) {
                if (handle.kind() == ContactHandle.Kind.EXTERNAL
                        && handle.value().startsWith(WhatsAppWebhook.HANDLE_PREFIX)) {
                    return handle.value().substring(WhatsAppWebhook.HANDLE_PREFIX.length());
                }
            }
        }
        throw DeliveryFailure.permanent("The conversation has no WhatsApp sender to answer");
    }

    private DeliveryReceipt send(WhatsAppInboxes.Settings config, Map<String, Object> body) throws DeliveryFailure {
        String base = settings.graphBaseUrl().endsWith("/") ? settings.graphBaseUrl() : settings.graphBaseUrl() + "/";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + URLEncoder.encode(config.phoneNumberId(), StandardCharsets.UTF_8) + "/messages"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + config.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw DeliveryFailure.transientFailure("The WhatsApp Graph API could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure("Interrupted while sending to WhatsApp", e);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status >= 200 && status < 300) {
            JsonNode id = answer == null ? null : answer.path("messages").path(0).get("id");
            return new DeliveryReceipt(id == null || id.isNull() ? null : WhatsAppWebhook.HANDLE_PREFIX + id.asString(),
                    List.of());
        }
        JsonNode error = answer == null ? null : answer.get("error");
        String message = error == null ? snippet(response.body()) : error.path("message").asString("");
        String details = error == null ? "" : error.path("error_data").path("details").asString("");
        if (error != null && error.path("code").asInt(0) == RE_ENGAGEMENT_REQUIRED) {
            throw DeliveryFailure.permanent(OUTSIDE_WINDOW);
        }
        String reason = "WhatsApp answered " + status + ": " + message + (details.isBlank() ? "" : " (" + details + ")");
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        throw new DeliveryFailure(reason.length() > 500 ? reason.substring(0, 500) : reason, permanent, null);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String snippet(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
