package dev.parley.channel.sms;

import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.InboundMessage;
import dev.parley.conversation.InboundMessages;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Twilio's webhooks for an SMS inbox: incoming messages and delivery status callbacks. Both are checked against
 * {@code X-Twilio-Signature} (the inbox's auth token over the public URL and the sorted POST parameters) before
 * any data is read or written: a missing or wrong signature is a 403 and nothing is stored. Twilio gets an empty
 * TwiML answer at once; the assistant answers later (deferred) through the REST API.
 */
@RestController
@Tag(name = "SMS channel (Twilio webhooks)")
class SmsWebhookApi {

    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START = Set.of("START", "UNSTOP");
    static final Set<String> HELP = Set.of("HELP");
    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final Logger log = LoggerFactory.getLogger(SmsWebhookApi.class);

    private final SmsInboxes inboxes;
    private final InboundMessages inbound;
    private final Deliveries deliveries;
    private final SmsSettings settings;

    SmsWebhookApi(SmsInboxes inboxes, InboundMessages inbound, Deliveries deliveries, SmsSettings settings) {
        this.inboxes = inboxes;
        this.inbound = inbound;
        this.deliveries = deliveries;
        this.settings = settings;
    }

    @PostMapping(value = "/api/v1/channels/twilio/{inboxId}/messages",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Twilio's incoming-message webhook of an SMS inbox (signed with X-Twilio-Signature)",
            description = "Configure it at Twilio as the number's \"A message comes in\" URL (HTTP POST). The same "
                    + "MessageSid is stored once. STOP, START and HELP are keywords, not messages.")
    ResponseEntity<String> message(@PathVariable UUID inboxId, HttpServletRequest request) {
        SmsInboxes.Account account = verified(inboxId, request);
        Map<String, List<String>> params = bodyParams(request);
        String from = one(params, "From");
        String sid = one(params, "MessageSid");
        if (from == null || sid == null) {
            throw ApiException.badRequest("From and MessageSid are required");
        }
        ContactHandle phone = new ContactHandle(ContactHandle.Kind.PHONE, from);
        String body = one(params, "Body") == null ? "" : one(params, "Body");
        String keyword = body.strip().toUpperCase(Locale.ROOT);
        if (STOP.contains(keyword)) {
            inboxes.optOut(inboxId, phone.value());
            log.info("SMS inbox {}: {} opted out", account.inbox().name(), phone.value());
            return twiml(EMPTY);
        }
        if (START.contains(keyword)) {
            inboxes.optIn(inboxId, phone.value());
            return twiml(EMPTY);
        }
        if (HELP.contains(keyword)) {
            return twiml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                    + HtmlUtils.htmlEscape(settings.helpText()) + "</Message></Response>");
        }
        int media = parseInt(one(params, "NumMedia"));
        String warning = media > 0 ? "The customer sent " + media + (media == 1 ? " picture or file" : " pictures or files")
                + " by MMS; they are not shown here" : null;
        inbound.receive(new InboundMessage(inboxId, List.of(phone), null, "twilio:" + sid,
                List.of(SmsChannel.THREAD_PREFIX + phone.value()), null, null, body, List.of(), warning));
        return twiml(EMPTY);
    }

    @PostMapping(value = "/api/v1/channels/twilio/{inboxId}/status",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Twilio's status callback for replies sent from an SMS inbox (signed with X-Twilio-Signature)",
            description = "Parley sets it on every message it sends. failed and undelivered mark the reply's "
                    + "delivery failed with Twilio's error code; delivered (every part of a long reply) marks it "
                    + "delivered; other statuses keep it sent.")
    ResponseEntity<String> status(@PathVariable UUID inboxId, HttpServletRequest request) {
        verified(inboxId, request);
        Map<String, List<String>> params = bodyParams(request);
        String sid = one(params, "MessageSid");
        String status = one(params, "MessageStatus");
        if (sid == null || status == null) {
            throw ApiException.badRequest("MessageSid and MessageStatus are required");
        }
        inboxes.sentAs(inboxId, sid, status).flatMap(deliveries::find).ifPresent(delivery -> {
            if (("failed".equals(status) || "undelivered".equals(status)) && delivery.state() != DeliveryState.FAILED) {
                String code = one(params, "ErrorCode");
                deliveries.attemptFailed(delivery, "Twilio reported the SMS " + status
                        + (code == null ? "" : " (error " + code + ")"), null);
            } else if ("delivered".equals(status) && inboxes.allPartsDelivered(inboxId, delivery.messageId())) {
                deliveries.progressed(delivery, DeliveryState.DELIVERED);
            } else if ("read".equals(status)) {
                deliveries.progressed(delivery, DeliveryState.READ);
            }
        });
        return ResponseEntity.noContent().build();
    }

    /** The inbox, if the request carries Twilio's signature made with its auth token; else 403 (404: no inbox). */
    private SmsInboxes.Account verified(UUID inboxId, HttpServletRequest request) {
        SmsInboxes.Account account = inboxes.account(inboxId)
                .orElseThrow(() -> ApiException.notFound("SMS inbox " + inboxId));
        String url = settings.publicUrl(request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        if (!TwilioSignatures.valid(account.authToken(), url, bodyParams(request),
                request.getHeader(TwilioSignatures.HEADER))) {
            throw ApiException.forbidden("Missing or invalid X-Twilio-Signature for " + url);
        }
        if (!account.inbox().enabled()) {
            throw ApiException.conflict("SMS inbox " + account.inbox().name() + " is disabled");
        }
        return account;
    }

    /** The POST parameters (the servlet merges query parameters in; Twilio signs those as part of the URL). */
    private static Map<String, List<String>> bodyParams(HttpServletRequest request) {
        Set<String> query = request.getQueryString() == null ? Set.of() : new HashSet<>(UriComponentsBuilder
                .fromUriString("?" + request.getQueryString()).build().getQueryParams().keySet());
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!query.contains(name)) {
                params.put(name, Arrays.asList(values));
            }
        });
        return params;
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ResponseEntity<String> twiml(String xml) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
    }
}
