package dev.parley.channel.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}. The timestamp is
 * signed with the body, so a receiver that rejects timestamps older than 5 minutes cannot be replayed to.
 */
public final class Signatures {

    public static final String HEADER = "X-Parley-Signature";

    private Signatures() {
    }

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
    }

    /** The headers of a signed event POST: the signature, the event's id (stable across retries) and its type. */
    public static java.util.Map<String, String> eventHeaders(String secret, long unixSeconds, byte[] body, String eventId,
            String event) {
        return java.util.Map.of(HEADER, header(secret, unixSeconds, body), "X-Parley-Event-Id", eventId,
                "X-Parley-Event", event);
    }

    public static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
