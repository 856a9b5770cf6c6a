package dev.parley.encryption;

/**
 * A stored sealed value does not open: its key is not in the ring (removed before the re-encryption finished, a
 * restore from elsewhere), or the value was changed or cut. Nothing the client did; an administrator can restore the
 * key. The message names the key and purpose, never the data.
 */
public class UnreadableValueException extends EncryptionException {

    UnreadableValueException(EncryptionException cause) {
        super(cause.getMessage(), cause);
    }
}
