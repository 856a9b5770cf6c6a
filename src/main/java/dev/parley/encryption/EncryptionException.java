package dev.parley.encryption;

/**
 * A stored value could not be opened (unknown key id, wrong key, tampered or truncated data) or the key
 * ring is misconfigured. The message names keys and purposes, never the data.
 */
public class EncryptionException extends RuntimeException {

    public EncryptionException(String message) {
        super(message);
    }

    public EncryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
