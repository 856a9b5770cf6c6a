package dev.parley.channel.whatsapp;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * WhatsApp inboxes: one business phone number each (the inbox's address is its phone number id), with the
 * access token that sends, the app secret that signs Meta's webhooks and the verify token of the subscription
 * handshake, all stored encrypted.
 */
@Component
class WhatsAppInboxes {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppInboxes.class);

    static final String CHANNEL = "whatsapp";
    static final String TOKEN_PURPOSE = "channel.whatsapp.access-token";
    static final String APP_SECRET_PURPOSE = "channel.whatsapp.app-secret";
    static final String VERIFY_PURPOSE = "channel.whatsapp.verify-token";

    private final Inboxes inboxes;
    private final JdbcClient jdbc;
    private final Encryption encryption;
    private final WhatsAppSettings settings;
    private final Clock clock;

    WhatsAppInboxes(Inboxes inboxes, JdbcClient jdbc, Encryption encryption, WhatsAppSettings settings, Clock clock) {
        this.inboxes = inboxes;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.settings = settings;
        this.clock = clock;
    }

    @Bean
    static EncryptedColumn whatsappAccessTokenColumn() {
        return EncryptedColumn.of("whatsapp_inbox", "inbox_id", "access_token", TOKEN_PURPOSE);
    }

    @Bean
    static EncryptedColumn whatsappAppSecretColumn() {
        return EncryptedColumn.of("whatsapp_inbox", "inbox_id", "app_secret", APP_SECRET_PURPOSE);
    }

    @Bean
    static EncryptedColumn whatsappVerifyTokenColumn() {
        return EncryptedColumn.of("whatsapp_inbox", "inbox_id", "verify_token", VERIFY_PURPOSE);
    }

    /** What an inbox needs to check webhooks and send. */
    record Settings(Inbox inbox, String phoneNumberId, String accessToken, String appSecret, String verifyToken,
            String templateName, String templateLanguage) {

        boolean hasTemplate() {
            return templateName != null && !templateName.isBlank();
        }

        @Override
        public String toString() {
            return "Settings[" + inbox.name() + ", phone number id " + phoneNumberId + "]";
        }
    }

    /** Makes the inboxes of {@code parley.whatsapp.inboxes} exist as configured (run at start). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void syncProperties() {
        for (WhatsAppSettings.InboxProperties p : settings.inboxes()) {
            String phoneNumberId = p.phoneNumberId().strip();
            WhatsAppSettings.Template template = p.reengagementTemplate();
            String templateName = template == null || template.name() == null || template.name().isBlank() ? null
                    : template.name().strip();
            String language = templateName == null ? null : template.language();
            Optional<Inbox> existing = inboxes.byAddress(CHANNEL, phoneNumberId);
            if (existing.isPresent()) {
                Inbox inbox = inboxes.update(existing.get().id(), p.name(), p.assistantMode(), true);
                jdbc.sql("""
                        UPDATE whatsapp_inbox SET access_token = :token, app_secret = :secret, verify_token = :verify,
                            template_name = :template, template_language = :language
                        WHERE inbox_id = :id""")
                        .param("id", inbox.id()).param("token", encryption.encrypt(p.accessToken(), TOKEN_PURPOSE))
                        .param("secret", encryption.encrypt(p.appSecret(), APP_SECRET_PURPOSE))
                        .param("verify", encryption.encrypt(p.verifyToken(), VERIFY_PURPOSE))
                        .param("template", templateName).param("language", language).update();
            } else {
                create(p.name(), phoneNumberId, p.accessToken(), p.appSecret(), p.verifyToken(), p.assistantMode(),
                        templateName, language, "PROPERTIES");
            }
            log.info("WhatsApp inbox {}: phone number id {}{}", p.name(), phoneNumberId,
                    templateName == null ? "" : ", re-engagement template " + templateName);
        }
    }

    /** A WhatsApp inbox added by an admin; missing credentials are a 400, a number already added a 409. */
    @Transactional
    Inbox createByAdmin(String name, String phoneNumberId, String accessToken, String appSecret, String verifyToken,
            AssistantMode mode, String templateName, String templateLanguage) {
        if (blank(name)) {
            throw ApiException.badRequest("A WhatsApp inbox needs a name");
        }
        if (!blank(phoneNumberId) && inboxes.byAddress(CHANNEL, phoneNumberId.strip()).isPresent()) {
            throw ApiException.conflict("The phone number id " + phoneNumberId.strip() + " already has a WhatsApp inbox");
        }
        return create(name.strip(), phoneNumberId, accessToken, appSecret, verifyToken,
                mode == null ? AssistantMode.ANSWER : mode, templateName, templateLanguage, "ADMIN");
    }

    @Transactional
    Inbox create(String name, String phoneNumberId, String accessToken, String appSecret, String verifyToken,
            AssistantMode mode, String templateName, String templateLanguage, String source) {
        if (blank(phoneNumberId) || blank(accessToken) || blank(appSecret) || blank(verifyToken)) {
            throw ApiException.badRequest(
                    "A WhatsApp inbox needs a phone number id, an access token, an app secret and a verify token");
        }
        Inbox inbox = inboxes.create(CHANNEL, name, phoneNumberId.strip(), mode);
        jdbc.sql("""
                INSERT INTO whatsapp_inbox (inbox_id, phone_number_id, access_token, app_secret, verify_token,
                    template_name, template_language, source, created_at)
                VALUES (:id, :phone, :token, :secret, :verify, :template, :language, :source, :at)""")
                .param("id", inbox.id()).param("phone", phoneNumberId.strip())
                .param("token", encryption.encrypt(accessToken.strip(), TOKEN_PURPOSE))
                .param("secret", encryption.encrypt(appSecret.strip(), APP_SECRET_PURPOSE))
                .param("verify", encryption.encrypt(verifyToken.strip(), VERIFY_PURPOSE))
                .param("template", blank(templateName) ? null : templateName.strip())
                .param("language", blank(templateName) ? null : blank(templateLanguage) ? "en_US" : templateLanguage.strip())
                .param("source", source)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return inbox;
    }

    /** A WhatsApp inbox as the admin page lists it: never its tokens or secret. */
    record Listed(Inbox inbox, String templateName, boolean fromProperties) {
    }

    java.util.List<Listed> listed() {
        return inboxes.all().stream().filter(i -> CHANNEL.equals(i.channelType())).flatMap(inbox -> jdbc.sql(
                        "SELECT template_name, source FROM whatsapp_inbox WHERE inbox_id = :id").param("id", inbox.id())
                .query((rs, n) -> new Listed(inbox, rs.getString("template_name"), "PROPERTIES".equals(rs.getString("source"))))
                .optional().stream()).toList();
    }

    /** The settings of a WhatsApp inbox; empty for an unknown inbox or one of another channel. */
    Optional<Settings> settings(UUID inboxId) {
        Optional<Inbox> inbox = inboxes.find(inboxId).filter(i -> CHANNEL.equals(i.channelType()));
        if (inbox.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT phone_number_id, access_token, app_secret, verify_token, template_name, template_language
                FROM whatsapp_inbox WHERE inbox_id = :id""").param("id", inboxId)
                .query((rs, i) -> new Settings(inbox.get(), rs.getString("phone_number_id"),
                        encryption.decrypt(rs.getString("access_token"), TOKEN_PURPOSE),
                        encryption.decrypt(rs.getString("app_secret"), APP_SECRET_PURPOSE),
                        encryption.decrypt(rs.getString("verify_token"), VERIFY_PURPOSE),
                        rs.getString("template_name"), rs.getString("template_language")))
                .optional();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
