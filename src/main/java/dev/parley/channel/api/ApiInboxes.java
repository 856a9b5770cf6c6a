package dev.parley.channel.api;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.encryption.Encryption;
import dev.parley.shared.ApiException;
import dev.parley.shared.Secrets;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API inboxes: each has its own API key (shown once, stored as a hash) that lets an integrator feed it, a callback
 * URL where replies go, and a signing secret (shown once, stored encrypted) that signs them.
 */
@Component
class ApiInboxes {

    private static final Logger log = LoggerFactory.getLogger(ApiInboxes.class);

    static final String CHANNEL = "api";
    static final String KEY_PREFIX = "pik_";
    static final String SECRET_PURPOSE = "channel.api.signing-secret";

    private final Inboxes inboxes;
    private final JdbcClient jdbc;
    private final Encryption encryption;
    private final Clock clock;
    private final ApiChannelSettings settings;

    ApiInboxes(Inboxes inboxes, JdbcClient jdbc, Encryption encryption, Clock clock, ApiChannelSettings settings) {
        this.settings = settings;
        this.inboxes = inboxes;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    record Created(Inbox inbox, String apiKey, String signingSecret, URI callbackUrl) {
    }

    record Settings(URI callbackUrl, String signingSecret) {
    }

    @Transactional
    Created create(String name, String callbackUrl, AssistantMode mode) {
        URI callback = CallbackPoster.validUrl(callbackUrl);
        Inbox inbox = inboxes.create(CHANNEL, name, null, mode);
        String key = KEY_PREFIX + Secrets.newToken();
        String secret = "whsec_" + Secrets.newToken();
        insert(inbox, key, secret, callback, "ADMIN");
        return new Created(inbox, key, secret, callback);
    }

    /** Makes the inboxes of {@code parley.api-channel.inboxes} exist as configured, known by name (run at start). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void syncProperties() {
        for (ApiChannelSettings.InboxProperties p : settings.inboxes()) {
            URI callback = CallbackPoster.validUrl(p.callbackUrl());
            Optional<UUID> existing = jdbc.sql("""
                    SELECT a.inbox_id FROM api_inbox a JOIN inbox i ON i.id = a.inbox_id
                    WHERE a.source = 'PROPERTIES' AND i.name = :name""").param("name", p.name().strip())
                    .query(UUID.class).optional();
            if (existing.isPresent()) {
                inboxes.update(existing.get(), p.name().strip(), p.assistantMode(), true);
                jdbc.sql("""
                        UPDATE api_inbox SET key_hash = :hash, callback_url = :url, signing_secret = :secret
                        WHERE inbox_id = :id""")
                        .param("id", existing.get()).param("hash", Secrets.sha256Hex(p.apiKey().strip()))
                        .param("url", callback.toString())
                        .param("secret", encryption.encrypt(p.signingSecret().strip(), SECRET_PURPOSE)).update();
            } else {
                Inbox inbox = inboxes.create(CHANNEL, p.name().strip(), null, p.assistantMode());
                insert(inbox, p.apiKey().strip(), p.signingSecret().strip(), callback, "PROPERTIES");
            }
            log.info("API inbox {} from configuration, callbacks to {}", p.name(), callback);
        }
    }

    private void insert(Inbox inbox, String key, String secret, URI callback, String source) {
        jdbc.sql("""
                INSERT INTO api_inbox (inbox_id, key_hash, callback_url, signing_secret, source, created_at)
                VALUES (:id, :hash, :url, :secret, :source, :at)""")
                .param("id", inbox.id()).param("hash", Secrets.sha256Hex(key)).param("url", callback.toString())
                .param("secret", encryption.encrypt(secret, SECRET_PURPOSE)).param("source", source)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    /** The inbox the key opens: 401 without a key, 403 with a key of another inbox or none, 404 for no inbox. */
    Inbox authorize(UUID inboxId, String authorization) {
        Inbox inbox = inboxes.find(inboxId).filter(i -> CHANNEL.equals(i.channelType()))
                .orElseThrow(() -> ApiException.notFound("API inbox " + inboxId));
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("Send the inbox's API key: Authorization: Bearer pik_…");
        }
        String key = authorization.substring(7).strip();
        String stored = jdbc.sql("SELECT key_hash FROM api_inbox WHERE inbox_id = :id").param("id", inboxId)
                .query(String.class).optional().orElse(null);
        if (stored == null || !Secrets.matches(key, stored)) {
            throw ApiException.forbidden("This key does not open inbox " + inboxId);
        }
        if (!inbox.enabled()) {
            throw ApiException.conflict("Inbox " + inbox.name() + " is disabled");
        }
        return inbox;
    }

    /** An API inbox as the admin page lists it: never its key or signing secret. */
    record Listed(Inbox inbox, String callbackUrl, boolean fromProperties) {
    }

    java.util.List<Listed> listed() {
        return inboxes.all().stream().filter(i -> CHANNEL.equals(i.channelType())).flatMap(inbox -> jdbc.sql(
                        "SELECT callback_url, source FROM api_inbox WHERE inbox_id = :id").param("id", inbox.id())
                .query((rs, n) -> new Listed(inbox, rs.getString("callback_url"),
                        "PROPERTIES".equals(rs.getString("source")))).optional().stream()).toList();
    }

    Optional<Settings> settings(UUID inboxId) {
        return jdbc.sql("SELECT callback_url, signing_secret FROM api_inbox WHERE inbox_id = :id").param("id", inboxId)
                .query((rs, i) -> new Settings(URI.create(rs.getString("callback_url")),
                        encryption.decrypt(rs.getString("signing_secret"), SECRET_PURPOSE)))
                .optional();
    }
}
