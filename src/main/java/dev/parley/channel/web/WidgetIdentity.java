package dev.parley.channel.web;

import dev.parley.channel.widget.WidgetIdentityStore;
import dev.parley.channel.widget.WidgetIdentityStore.Session;
import dev.parley.encryption.EncryptedColumn;
import dev.parley.shared.Secrets;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Verifies the identity a host site signed for its signed-in customer: hex HMAC-SHA256 with the site's secret over
 * {@code id + "\n" + email + "\n" + timestamp} (Unix seconds). A signature older than
 * {@code parley.widget.identity-max-age}, used before, or made with a secret that is not (or no longer) accepted
 * verifies nobody: the visitor stays anonymous and the reason is returned and logged. A verified identity becomes a
 * session token the widget keeps, so one signature is used exactly once.
 */
@Component
class WidgetIdentity {

    static final String SESSION_PREFIX = "pvi_";
    /** How far a timestamp may lie in the future: clocks of the site and Parley differ a little. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(WidgetIdentity.class);

    enum Outcome {
        VERIFIED("The identity is verified."),
        NOT_CONFIGURED("Identity verification is not set up: an admin generates the signing secret first."),
        STALE("The signature's timestamp is outside the accepted window; sign the identity when the page is rendered."),
        BAD_SIGNATURE("The signature does not match the id, email and timestamp for any accepted secret."),
        REPLAYED("This signature was used before; every page view needs a fresh one.");

        final String detail;

        Outcome(String detail) {
            this.detail = detail;
        }
    }

    record Signed(String userId, String email, long timestamp, String signature, String name) {
    }

    record Check(Outcome outcome, String token, Session session) {
    }

    private final WidgetIdentitySecrets secrets;
    private final WidgetIdentityStore store;
    private final WidgetSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    WidgetIdentity(WidgetIdentitySecrets secrets, WidgetIdentityStore store, WidgetSettings settings,
            MeterRegistry meters, Clock clock) {
        this.secrets = secrets;
        this.store = store;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Key rotation of the encryption module re-seals the signing secrets too. */
    @Bean
    static EncryptedColumn widgetIdentitySecretColumn() {
        return EncryptedColumn.of("widget_identity_secret", "id", "secret", WidgetIdentitySecrets.PURPOSE);
    }

    Check verify(Signed signed) {
        Check check = check(signed);
        meters.counter("parley.widget.identity.checks", "outcome", check.outcome().name().toLowerCase(Locale.ROOT))
                .increment();
        if (check.outcome() != Outcome.VERIFIED) {
            log.info("Widget identity for customer id '{}' not verified: {}", signed.userId(), check.outcome());
        }
        return check;
    }

    private Check check(Signed signed) {
        List<String> accepted = secrets.accepted();
        if (accepted.isEmpty()) {
            return new Check(Outcome.NOT_CONFIGURED, null, null);
        }
        Instant now = clock.instant();
        Instant signedAt = Instant.ofEpochSecond(signed.timestamp());
        if (signedAt.isBefore(now.minus(settings.identityMaxAge())) || signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return new Check(Outcome.STALE, null, null);
        }
        byte[] given = signed.signature().strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String payload = signed.userId() + "\n" + signed.email() + "\n" + signed.timestamp();
        if (accepted.stream().noneMatch(secret -> MessageDigest.isEqual(given,
                sign(secret, payload).getBytes(StandardCharsets.US_ASCII)))) {
            return new Check(Outcome.BAD_SIGNATURE, null, null);
        }
        Instant rememberUntil = signedAt.plus(settings.identityMaxAge()).plus(CLOCK_SKEW);
        if (!store.firstUse(Secrets.sha256Hex(new String(given, StandardCharsets.US_ASCII)), rememberUntil, now)) {
            return new Check(Outcome.REPLAYED, null, null);
        }
        String token = SESSION_PREFIX + Secrets.newToken();
        Session session = new Session(signed.userId(), signed.email().strip().toLowerCase(Locale.ROOT),
                signed.name(), now.plus(settings.identitySessionTtl()));
        store.insertSession(Secrets.sha256Hex(token), session, now);
        return new Check(Outcome.VERIFIED, token, session);
    }

    /** The verified identity a session token stands for, while it lasts. */
    Optional<Session> session(String token) {
        if (!isSessionToken(token)) {
            return Optional.empty();
        }
        return store.session(Secrets.sha256Hex(token), clock.instant());
    }

    static boolean isSessionToken(String token) {
        return token != null && token.startsWith(SESSION_PREFIX);
    }

    /** The lower-case hex HMAC-SHA256 the documented snippets compute. */
    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
