package dev.parley.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys values can be sealed and opened with, by id, and the one new values are sealed with. Immutable:
 * a changed key file gives a new ring.
 *
 * @param keys every key by id, in the order they were listed
 * @param activeId the key new values are sealed with
 * @param source where the keys came from, for status pages and errors (never the keys themselves)
 */
record KeyRing(Map<String, Key> keys, String activeId, String source) {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,39}");
    private static final SecureRandom RANDOM = new SecureRandom();

    KeyRing {
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        if (keys.isEmpty()) {
            throw new EncryptionException("No encryption key is configured (" + source + ")");
        }
        if (!keys.containsKey(activeId)) {
            throw new EncryptionException("The active encryption key '" + activeId + "' is not among the keys of "
                    + source + " (" + String.join(", ", keys.keySet()) + ")");
        }
    }

    Key active() {
        return keys.get(activeId);
    }

    Key key(String id) {
        Key key = keys.get(id);
        if (key == null) {
            throw new EncryptionException("A value is sealed with key '" + id + "', which is not among the keys of "
                    + source + " (" + String.join(", ", keys.keySet()) + "); add it back to open the value");
        }
        return key;
    }

    List<String> ids() {
        return List.copyOf(keys.keySet());
    }

    /** A fresh key line, {@code id:base64}, as the key file and {@code PARLEY_ENCRYPTION_KEYS} take it. */
    static String newKeyLine() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        String id = "k" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-" + HexFormat.of().formatHex(suffix);
        return id + ":" + Base64.getEncoder().encodeToString(material);
    }

    /** Parses {@code id:base64} into a key; {@code where} says where the line came from for the error. */
    static Key parse(String line, String where) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new EncryptionException(where + ": expected id:base64-key");
        }
        String id = line.substring(0, colon).strip();
        if (!KEY_ID.matcher(id).matches()) {
            throw new EncryptionException(where + ": a key id is 1-40 letters, digits, dots or dashes");
        }
        byte[] material;
        try {
            material = Base64.getMimeDecoder().decode(line.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new EncryptionException(where + ": key '" + id + "' is not base64");
        }
        if (material.length != 32) {
            throw new EncryptionException(where + ": key '" + id + "' has " + material.length
                    + " bytes; AES-256 needs 32 (generate one with: java -jar parley.jar encryption-key)");
        }
        return new Key(id, material);
    }

    /** One key: an AES-256 key for sealing and, derived from it, an HMAC key for lookup hashes. */
    record Key(String id, SecretKey aes, SecretKey hmac) {

        Key(String id, byte[] material) {
            this(id, new SecretKeySpec(material, "AES"), deriveHmacKey(material));
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }

        private static SecretKey deriveHmacKey(byte[] material) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(material, "HmacSHA256"));
                return new SecretKeySpec(mac.doFinal("parley lookup hash v1".getBytes(StandardCharsets.UTF_8)),
                        "HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
