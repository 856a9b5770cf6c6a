package dev.parley.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals text for storage with AES-256-GCM and opens it again. A sealed value is text,
 * {@code enc:v1:<key id>:<base64url(nonce | ciphertext | tag)>}, so it fits the text column the plain value
 * lived in; the key id lets keys rotate while values sealed with older keys stay readable.
 *
 * <p>Every value is sealed for a <em>purpose</em> (say {@code "channel.inbox.password"}), bound in as
 * associated data: a value copied into another column does not open there. Text that is not sealed (rows
 * written before a column was encrypted) opens as itself, and the background re-encryption seals it.
 *
 * <p>Sealed values cannot be compared or searched. For exact lookups (a contact by email) store a
 * {@link #lookupHash} beside the sealed value and query with {@link #lookupHashes}.
 */
public final class Encryption {

    public static final String PREFIX = "enc:v1:";
    /** What {@link #decryptForList} shows for a value that cannot be opened. */
    public static final String UNREADABLE = "(unreadable)";
    private static final Logger log = LoggerFactory.getLogger(Encryption.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Supplier<KeyRing> keys;

    Encryption(Supplier<KeyRing> keys) {
        this.keys = keys;
    }

    /** An instance with one key that lives only in memory: for tests and tools that store nothing. */
    public static Encryption ephemeral() {
        KeyRing.Key key = KeyRing.parse(KeyRing.newKeyLine(), "generated key");
        KeyRing ring = new KeyRing(Map.of(key.id(), key), key.id(), "an in-memory key");
        return new Encryption(() -> ring);
    }

    /** {@code plaintext} sealed with the active key for {@code purpose}; {@code null} stays {@code null}. */
    public String encrypt(String plaintext, String purpose) {
        requirePurpose(purpose);
        if (plaintext == null) {
            return null;
        }
        KeyRing.Key key = keys.get().active();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key.id(), purpose));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + key.id() + ":" + BASE64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("Could not seal a value for " + purpose, e);
        }
    }

    /**
     * The plain text of a value from {@link #encrypt}; text that is not sealed is returned as it is.
     *
     * @throws UnreadableValueException when the key is unknown or the value was changed, cut or sealed for
     *         another purpose
     */
    public String decrypt(String stored, String purpose) {
        requirePurpose(purpose);
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            return open(stored, purpose);
        } catch (EncryptionException e) {
            throw new UnreadableValueException(e);
        }
    }

    private String open(String stored, String purpose) {
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new EncryptionException("A sealed value for " + purpose + " has no key id");
        }
        KeyRing.Key key = keys.get().key(stored.substring(PREFIX.length(), colon));
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new EncryptionException("A sealed value for " + purpose + " is not base64", e);
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new EncryptionException("A sealed value for " + purpose + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(key.id(), purpose));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new EncryptionException("A value sealed with key '" + key.id() + "' does not open for " + purpose
                    + ": it was changed, or sealed for another purpose or with another key of that id");
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("Could not open a value for " + purpose, e);
        }
    }

    /**
     * The plain text of a stored value, or empty when it is null or cannot be opened (its key is gone, the value is
     * damaged; logged): for reads that may leave one bad row out, so it does not fail the others.
     */
    public Optional<String> decryptIfReadable(String stored, String purpose) {
        try {
            return Optional.ofNullable(decrypt(stored, purpose));
        } catch (UnreadableValueException e) {
            log.warn("A stored {} could not be opened and is left out: {}", purpose, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A stored value opened for a list or a log shown to people: one that cannot be opened reads as
     * {@link #UNREADABLE} (and is logged), so one bad row does not take the whole list down. Never store it.
     */
    public String decryptForList(String stored, String purpose) {
        try {
            return decrypt(stored, purpose);
        } catch (UnreadableValueException e) {
            log.warn("A stored {} could not be opened and is listed as unreadable: {}", purpose, e.getMessage());
            return UNREADABLE;
        }
    }

    /** Whether {@code stored} is a sealed value (of any key). */
    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether {@code stored} is sealed with the active key, so rotation has nothing left to do for it. */
    public boolean isSealedWithActiveKey(String stored) {
        return stored != null && stored.startsWith(PREFIX + activeKeyId() + ":");
    }

    public String activeKeyId() {
        return keys.get().activeId();
    }

    /** Every key id values may be sealed with, oldest first as listed. */
    public List<String> keyIds() {
        return keys.get().ids();
    }

    /**
     * A keyed hash of {@code value} for exact-match lookups, under the active key:
     * {@code <key id>:<base64url HMAC-SHA256>}. Normalise the value first (trim, lower-case an email).
     */
    public String lookupHash(String value, String purpose) {
        requirePurpose(purpose);
        return value == null ? null : lookupHash(keys.get().active(), value, purpose);
    }

    /** The lookup hashes of {@code value} under every key: query with {@code hash_column IN (...)}. */
    public List<String> lookupHashes(String value, String purpose) {
        requirePurpose(purpose);
        return keys.get().keys().values().stream().map(key -> lookupHash(key, value, purpose)).toList();
    }

    static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A purpose is required, such as \"channel.inbox.password\"");
        }
    }

    private static String lookupHash(KeyRing.Key key, String value, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.hmac());
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return key.id() + ":" + BASE64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("Could not hash a value for " + purpose, e);
        }
    }

    private static byte[] associatedData(String keyId, String purpose) {
        return ("parley:v1:" + keyId + ":" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
