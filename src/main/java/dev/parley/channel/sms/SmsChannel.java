package dev.parley.channel.sms;

import dev.parley.channel.spi.ChannelAdapter;
import dev.parley.channel.spi.ChannelFactory;
import dev.parley.channel.spi.DeliveryFailure;
import dev.parley.channel.spi.DeliveryReceipt;
import dev.parley.channel.spi.OutboundMessage;
import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.Inbox;
import dev.parley.encryption.EncryptedColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The SMS channel (Twilio): a reply goes out as plain text (Markdown removed) through Twilio's REST API, split into
 * parts of at most 1,600 characters; never to a number that texted STOP. Twilio's 2xx is sent (its status
 * callbacks may still turn it failed), a 4xx fails for good, a 5xx or no answer is retried with back-off.
 */
@Component
class SmsChannel implements ChannelFactory {

    static final String OPTED_OUT = "the customer opted out by SMS (STOP)";
    static final String THREAD_PREFIX = "phone:";
    /** Twilio: "Attempt to send to unsubscribed recipient" (the number texted STOP to Twilio itself). */
    private static final int UNSUBSCRIBED = 21610;

    private final SmsInboxes inboxes;
    private final TwilioClient twilio;
    private final SmsSettings settings;

    SmsChannel(SmsInboxes inboxes, TwilioClient twilio, SmsSettings settings) {
        this.inboxes = inboxes;
        this.twilio = twilio;
        this.settings = settings;
    }

    @Bean
    static EncryptedColumn smsInboxAuthTokenColumn() {
        return EncryptedColumn.of("sms_inbox", "inbox_id", "auth_token", SmsInboxes.TOKEN_PURPOSE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        inboxes.syncProperties();
    }

    @Override
    public String id() {
        return SmsInboxes.CHANNEL;
    }

    static String messagesPath(Inbox inbox) {
        return "/api/v1/channels/twilio/" + inbox.id() + "/messages";
    }

    static String statusPath(Inbox inbox) {
        return "/api/v1/channels/twilio/" + inbox.id() + "/status";
    }

    @Override
    public ChannelAdapter create(Inbox inbox) {
        return outbound -> {
            SmsInboxes.Account account = inboxes.account(inbox.id()).orElseThrow(() -> DeliveryFailure.permanent(
                    "The SMS inbox " + inbox.name() + " has no Twilio account"));
            String to = phoneOf(outbound).orElseThrow(() -> DeliveryFailure.permanent(
                    "The customer has no phone number to text"));
            if (inboxes.optedOut(inbox.id(), to)) {
                throw DeliveryFailure.permanent(OPTED_OUT);
            }
            List<String> parts = SmsText.split(SmsText.plain(outbound.message().text()), SmsText.MAX_PART);
            List<String> sids = new ArrayList<>();
            for (String part : parts) {
                TwilioClient.Sent sent;
                try {
                    sent = twilio.send(account, to, part, settings.publicUrl(statusPath(inbox)));
                } catch (IOException e) {
                    throw failure("Twilio could not be reached: " + e.getMessage(), false, sids, parts, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure("Sending was interrupted", false, sids, parts, e);
                }
                if (!sent.ok()) {
                    if (sent.errorCode() != null && sent.errorCode() == UNSUBSCRIBED) {
                        inboxes.optOut(inbox.id(), to);
                        throw failure(OPTED_OUT + ": " + sent.reason(), true, sids, parts, null);
                    }
                    throw failure(sent.reason(), sent.permanent(), sids, parts, null);
                }
                inboxes.recordSent(sent.sid(), inbox.id(), outbound.message().id());
                sids.add(sent.sid());
            }
            return new DeliveryReceipt(sids.getFirst(), List.of());
        };
    }

    /**
     * A failure after some parts went out is permanent: trying again would send those parts twice.
     */
    private static DeliveryFailure failure(String reason, boolean permanent, List<String> sent, List<String> parts,
            Throwable cause) {
        if (sent.isEmpty()) {
            return new DeliveryFailure(reason, permanent, cause);
        }
        return new DeliveryFailure("Only " + sent.size() + " of " + parts.size() + " parts were sent: " + reason,
                true, cause);
    }

    /** The number the conversation is threaded on (its phone key), else the contact's first phone number. */
    private static Optional<String> phoneOf(OutboundMessage outbound) {
        Optional<String> threaded = outbound.threadKeys().stream().filter(k -> k.startsWith(THREAD_PREFIX))
                .map(k -> k.substring(THREAD_PREFIX.length())).findFirst();
        if (threaded.isPresent() || outbound.contact() == null) {
            return threaded;
        }
        return outbound.contact().handles().stream().filter(h -> h.kind() == ContactHandle.Kind.PHONE)
                .map(ContactHandle::value).findFirst();
    }
}
