package dev.parley.channel.sms;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.encryption.Encryption;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMS inboxes: one Twilio number each, with the account SID and auth token (stored encrypted, also for inboxes
 * from properties, which are written again at every start), the numbers that opted out, and the SIDs replies went
 * out as.
 */
@Component
class SmsInboxes {

    static final String CHANNEL = "sms";
    static final String TOKEN_PURPOSE = "channel.sms.auth-token";

    private static final Logger log = LoggerFactory.getLogger(SmsInboxes.class);

    private final Inboxes inboxes;
    private final JdbcClient jdbc;
    private final Encryption encryption;
    private final SmsSettings settings;
    private final Clock clock;
    private final SmsOptOuts optOuts;

    SmsInboxes(Inboxes inboxes, JdbcClient jdbc, Encryption encryption, SmsSettings settings, Clock clock,
            SmsOptOuts optOuts) {
        this.inboxes = inboxes;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.settings = settings;
        this.clock = clock;
        this.optOuts = optOuts;
    }

    /** What talking to Twilio for one inbox needs. */
    record Account(Inbox inbox, String phoneNumber, String accountSid, String authToken) {

        @Override
        public String toString() {
            return "Account[" + inbox.name() + ", " + phoneNumber + ", " + accountSid + "]";
        }
    }

    /** Makes the inboxes of {@code parley.sms.inboxes} exist as configured (run at start). */
    @Transactional
    void syncProperties() {
        for (SmsSettings.InboxProperties p : settings.inboxes()) {
            validate(p.phoneNumber(), p.accountSid(), p.authToken());
            Inbox inbox = inboxes.byAddress(CHANNEL, p.phoneNumber())
                    .map(existing -> inboxes.update(existing.id(), p.name(), p.assistantMode(), true))
                    .orElseGet(() -> inboxes.create(CHANNEL, p.name(), p.phoneNumber(), p.assistantMode()));
            boolean known = jdbc.sql("SELECT COUNT(*) FROM sms_inbox WHERE inbox_id = :id").param("id", inbox.id())
                    .query(Integer.class).single() > 0;
            if (known) {
                jdbc.sql("UPDATE sms_inbox SET account_sid = :sid, auth_token = :token, source = 'PROPERTIES' "
                                + "WHERE inbox_id = :id")
                        .param("id", inbox.id()).param("sid", p.accountSid().strip())
                        .param("token", encryption.encrypt(p.authToken().strip(), TOKEN_PURPOSE)).update();
            } else {
                insert(inbox, p.phoneNumber(), p.accountSid(), p.authToken(), "PROPERTIES");
            }
            log.info("SMS inbox {} on {} (Twilio account {})", p.name(), p.phoneNumber(), p.accountSid());
        }
    }

    /** An SMS inbox added by an admin; a bad number or missing credentials are a 400. */
    @Transactional
    Inbox create(String name, String phoneNumber, String accountSid, String authToken, AssistantMode mode) {
        validate(phoneNumber, accountSid, authToken);
        if (inboxes.byAddress(CHANNEL, phoneNumber.strip()).isPresent()) {
            throw ApiException.conflict("The number " + phoneNumber.strip() + " already has an SMS inbox");
        }
        Inbox inbox = inboxes.create(CHANNEL, name, phoneNumber.strip(), mode);
        insert(inbox, phoneNumber, accountSid, authToken, "ADMIN");
        return inbox;
    }

    /** An SMS inbox as the admin page lists it: never its auth token. */
    record Listed(Inbox inbox, String accountSid, boolean fromProperties) {
    }

    List<Listed> listed() {
        return inboxes.all().stream().filter(i -> CHANNEL.equals(i.channelType())).flatMap(inbox -> jdbc.sql(
                        "SELECT account_sid, source FROM sms_inbox WHERE inbox_id = :id").param("id", inbox.id())
                .query((rs, n) -> new Listed(inbox, rs.getString("account_sid"), "PROPERTIES".equals(rs.getString("source"))))
                .optional().stream()).toList();
    }

    Optional<Account> account(UUID inboxId) {
        return inboxes.find(inboxId).filter(i -> CHANNEL.equals(i.channelType())).flatMap(inbox -> jdbc.sql(
                        "SELECT phone_number, account_sid, auth_token FROM sms_inbox WHERE inbox_id = :id")
                .param("id", inboxId)
                .query((rs, n) -> new Account(inbox, rs.getString("phone_number"), rs.getString("account_sid"),
                        encryption.decrypt(rs.getString("auth_token"), TOKEN_PURPOSE)))
                .optional());
    }

    boolean optedOut(UUID inboxId, String phoneNumber) {
        return optOuts.optedOut(inboxId, phoneNumber);
    }

    void optOut(UUID inboxId, String phoneNumber) {
        optOuts.optOut(inboxId, phoneNumber);
    }

    void optIn(UUID inboxId, String phoneNumber) {
        optOuts.optIn(inboxId, phoneNumber);
    }

    void recordSent(String messageSid, UUID inboxId, UUID messageId) {
        jdbc.sql("INSERT INTO sms_sent (message_sid, inbox_id, message_id, created_at) VALUES (:sid, :id, :m, :at)")
                .param("sid", messageSid).param("id", inboxId).param("m", messageId).param("at", now()).update();
    }

    /** The reply a Twilio message SID of this inbox was part of; its last reported status is noted. */
    Optional<UUID> sentAs(UUID inboxId, String messageSid, String status) {
        Optional<UUID> message = jdbc.sql("SELECT message_id FROM sms_sent WHERE message_sid = :sid AND inbox_id = :id")
                .param("sid", messageSid).param("id", inboxId).query(UUID.class).optional();
        message.ifPresent(m -> jdbc.sql("UPDATE sms_sent SET status = :status WHERE message_sid = :sid")
                .param("status", status == null || status.length() > 20 ? null : status).param("sid", messageSid)
                .update());
        return message;
    }

    /** Whether Twilio reported every part of a reply (a long one goes as several messages) as delivered. */
    boolean allPartsDelivered(UUID inboxId, UUID messageId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sms_sent
                WHERE inbox_id = :id AND message_id = :m AND (status IS NULL OR status <> 'delivered')""")
                .param("id", inboxId).param("m", messageId).query(Long.class).single() == 0;
    }

    private void insert(Inbox inbox, String phoneNumber, String accountSid, String authToken, String source) {
        jdbc.sql("""
                INSERT INTO sms_inbox (inbox_id, phone_number, account_sid, auth_token, source, created_at)
                VALUES (:id, :phone, :sid, :token, :source, :at)""")
                .param("id", inbox.id()).param("phone", phoneNumber.strip()).param("sid", accountSid.strip())
                .param("token", encryption.encrypt(authToken.strip(), TOKEN_PURPOSE)).param("source", source)
                .param("at", now()).update();
    }

    private static void validate(String phoneNumber, String accountSid, String authToken) {
        if (phoneNumber == null || !phoneNumber.strip().matches(SmsSettings.E164)) {
            throw ApiException.badRequest("phoneNumber must be an E.164 number like +14155550100");
        }
        if (accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank()) {
            throw ApiException.badRequest("An SMS inbox needs the Twilio account SID and auth token");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
