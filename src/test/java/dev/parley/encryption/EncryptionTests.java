package dev.parley.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EncryptionTests {

    private static final String PURPOSE = "conversation.message.body";

    private final KeyRing.Key first = KeyRing.parse(KeyRing.newKeyLine(), "test");
    private final KeyRing.Key second = KeyRing.parse(KeyRing.newKeyLine().replaceFirst("^k", "j"), "test");
    private final AtomicReference<KeyRing> ring = new AtomicReference<>(ring(first.id(), first));
    private final Encryption encryption = new Encryption(ring::get);

    @Test
    void sealedTextOpensToTheSameTextAndDoesNotContainIt() {
        String text = "Jane Doe <jane@example.com> 🙂 — straße\n\u200b";

        String sealed = encryption.encrypt(text, PURPOSE);

        assertThat(sealed).startsWith("enc:v1:" + first.id() + ":").doesNotContain("Jane", "example");
        assertThat(encryption.decrypt(sealed, PURPOSE)).isEqualTo(text);
        assertThat(encryption.decrypt(encryption.encrypt("", PURPOSE), PURPOSE)).isEmpty();
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        assertThat(encryption.encrypt("same", PURPOSE)).isNotEqualTo(encryption.encrypt("same", PURPOSE));
    }

    @Test
    void nullStaysNullAndUnsealedTextOpensAsItself() {
        assertThat(encryption.encrypt(null, PURPOSE)).isNull();
        assertThat(encryption.decrypt(null, PURPOSE)).isNull();
        assertThat(encryption.decrypt("written before encryption", PURPOSE)).isEqualTo("written before encryption");
        assertThat(encryption.isSealed("written before encryption")).isFalse();
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        String sealed = encryption.encrypt("secret", "channel.inbox.password");

        assertThatThrownBy(() -> encryption.decrypt(sealed, "contact.email"))
                .isInstanceOf(EncryptionException.class)
                .hasMessageContaining("contact.email")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aChangedOrCutValueDoesNotOpen() {
        String sealed = encryption.encrypt("pay 10 EUR", PURPOSE);
        int at = sealed.lastIndexOf(':') + 5;
        String flipped = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> encryption.decrypt(flipped, PURPOSE)).isInstanceOf(EncryptionException.class);
        assertThatThrownBy(() -> encryption.decrypt(sealed.substring(0, sealed.lastIndexOf(':') + 9), PURPOSE))
                .isInstanceOf(EncryptionException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> encryption.decrypt("enc:v1:" + first.id() + ":!!", PURPOSE))
                .isInstanceOf(EncryptionException.class).hasMessageContaining("base64");
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        String old = encryption.encrypt("before", PURPOSE);
        ring.set(ring(second.id(), first, second));

        String fresh = encryption.encrypt("after", PURPOSE);

        assertThat(encryption.decrypt(old, PURPOSE)).isEqualTo("before");
        assertThat(fresh).startsWith("enc:v1:" + second.id() + ":");
        assertThat(encryption.isSealedWithActiveKey(old)).isFalse();
        assertThat(encryption.isSealedWithActiveKey(fresh)).isTrue();
        assertThat(encryption.keyIds()).containsExactly(first.id(), second.id());
    }

    @Test
    void aValueOfAKeyThatIsGoneSaysWhichKeyIsMissing() {
        String old = encryption.encrypt("before", PURPOSE);
        ring.set(ring(second.id(), second));

        assertThatThrownBy(() -> encryption.decrypt(old, PURPOSE))
                .isInstanceOf(EncryptionException.class)
                .hasMessageContaining("'" + first.id() + "'")
                .hasMessageContaining(second.id());
    }

    @Test
    void lookupHashesAreStablePerKeyAndPurposeAndCoverEveryKey() {
        String hash = encryption.lookupHash("jane@example.com", "contact.email");

        assertThat(hash).startsWith(first.id() + ":").doesNotContain("jane");
        assertThat(encryption.lookupHash("jane@example.com", "contact.email")).isEqualTo(hash);
        assertThat(encryption.lookupHash("jane@example.com", "contact.phone")).isNotEqualTo(hash);
        assertThat(encryption.lookupHash("john@example.com", "contact.email")).isNotEqualTo(hash);

        ring.set(ring(second.id(), first, second));
        assertThat(encryption.lookupHash("jane@example.com", "contact.email")).startsWith(second.id() + ":");
        assertThat(encryption.lookupHashes("jane@example.com", "contact.email")).hasSize(2).contains(hash);
    }

    @Test
    void aPurposeIsRequired() {
        assertThatThrownBy(() -> encryption.encrypt("x", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreAes256AndTheErrorNeverShowsTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyRing.parse("k1:" + shortKey, "PARLEY_ENCRYPTION_KEYS entry 1"))
                .isInstanceOf(EncryptionException.class)
                .hasMessageContaining("16 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> KeyRing.parse("bad id:" + shortKey, "x")).hasMessageContaining("key id");
        assertThatThrownBy(() -> KeyRing.parse("k1:not base64 !", "x")).hasMessageContaining("not base64");
    }

    @Test
    void anEphemeralInstanceWorksWithoutConfiguration() {
        Encryption ephemeral = Encryption.ephemeral();

        assertThat(ephemeral.decrypt(ephemeral.encrypt("x", PURPOSE), PURPOSE)).isEqualTo("x");
        assertThatThrownBy(() -> encryption.decrypt(ephemeral.encrypt("x", PURPOSE), PURPOSE))
                .isInstanceOf(EncryptionException.class);
    }

    private static KeyRing ring(String active, KeyRing.Key... keys) {
        Map<String, KeyRing.Key> byId = new LinkedHashMap<>();
        for (KeyRing.Key key : keys) {
            byId.put(key.id(), key);
        }
        return new KeyRing(byId, active, "test keys");
    }
}
