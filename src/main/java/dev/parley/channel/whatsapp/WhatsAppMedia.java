package dev.parley.channel.whatsapp;

import dev.parley.conversation.Attachments;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.InboundAttachment;
import dev.parley.events.OutboundListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches what a customer sent on WhatsApp (image, document, audio, video, sticker) after the message was stored:
 * the Graph API gives a short-lived URL for the media id, both calls carry the inbox's access token. The file is
 * attached to the customer's message. A refusal (gone, too large, no access) becomes an internal note telling
 * agents what is missing; an outage fails the listener, which is run again later.
 */
@Component
class WhatsAppMedia {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppMedia.class);

    /** A customer's media message was stored; its file is still at Meta. */
    record MediaReceived(UUID inboxId, UUID conversationId, UUID messageId, String mediaId, String kind,
            String filename, String mimeType) {
    }

    /** The Graph API refused for good: retrying will not help. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final WhatsAppInboxes inboxes;
    private final WhatsAppSettings settings;
    private final Attachments attachments;
    private final Conversations conversations;
    private final JsonMapper json;
    private final HttpClient http;

    WhatsAppMedia(WhatsAppInboxes inboxes, WhatsAppSettings settings, Attachments attachments,
            Conversations conversations, JsonMapper json) {
        this.inboxes = inboxes;
        this.settings = settings;
        this.attachments = attachments;
        this.conversations = conversations;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @OutboundListener
    void on(MediaReceived event) throws IOException, InterruptedException {
        WhatsAppInboxes.Settings inbox = inboxes.settings(event.inboxId()).orElse(null);
        if (inbox == null) {
            log.warn("WhatsApp media {} of a removed inbox {} not fetched", event.mediaId(), event.inboxId());
            return;
        }
        try {
            InboundAttachment file = fetch(inbox, event);
            attachments.attach(event.messageId(), file, 1);
        } catch (Refused refused) {
            log.warn("WhatsApp media {} at {} not fetched: {}", event.mediaId(), inbox, refused.getMessage());
            conversations.postReply(event.conversationId(), AuthorType.SYSTEM, null, "Parley",
                    "The customer's " + event.kind() + " could not be fetched from WhatsApp (" + refused.getMessage()
                            + "); ask them to send it again or describe it.", true);
        }
    }

    private InboundAttachment fetch(WhatsAppInboxes.Settings inbox, MediaReceived event)
            throws IOException, InterruptedException, Refused {
        HttpResponse<String> meta = http.send(get(URI.create(settings.graphBaseUrl() + "/" + event.mediaId()), inbox),
                HttpResponse.BodyHandlers.ofString());
        check(meta.statusCode(), "media details");
        JsonNode details = json.readTree(meta.body());
        String url = details.path("url").asString("");
        long size = details.path("file_size").asLong(-1);
        long max = settings.maxMediaSize().toBytes();
        if (url.isBlank()) {
            throw new Refused("the Graph API gave no download URL");
        }
        if (size > max) {
            throw new Refused("it is " + size / 1024 + " KB, more than the " + max / 1024 + " KB allowed");
        }
        HttpResponse<InputStream> file = http.send(get(URI.create(url), inbox), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = file.body()) {
            check(file.statusCode(), "download");
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (content.length > max) {
                throw new Refused("it is more than the " + max / 1024 + " KB allowed");
            }
            String type = details.path("mime_type").asString(event.mimeType());
            return new InboundAttachment(filename(event, type), type, content);
        }
    }

    private HttpRequest get(URI uri, WhatsAppInboxes.Settings inbox) {
        return HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", "Bearer " + inbox.accessToken()).GET().build();
    }

    /** 4xx: the media is gone or not ours, for good; 5xx and others: an outage, tried again later. */
    private static void check(int status, String step) throws Refused, IOException {
        if (status >= 400 && status < 500) {
            throw new Refused("the " + step + " was refused with HTTP " + status);
        }
        if (status != 200) {
            throw new IOException("WhatsApp media " + step + " answered HTTP " + status);
        }
    }

    static String filename(MediaReceived event, String mimeType) {
        if (event.filename() != null && !event.filename().isBlank()) {
            return event.filename();
        }
        String type = mimeType == null ? "" : mimeType.toLowerCase(java.util.Locale.ROOT);
        String extension = switch (type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/aac" -> ".aac";
            case "video/mp4" -> ".mp4";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
        return "whatsapp-" + event.kind() + extension;
    }
}
