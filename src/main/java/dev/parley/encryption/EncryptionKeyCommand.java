package dev.parley.encryption;

import java.io.PrintStream;

/**
 * The {@code encryption-key} command line: prints a fresh key as {@code id:base64}, the form the key file and
 * {@code PARLEY_ENCRYPTION_KEYS} take. It needs no server or database.
 */
public final class EncryptionKeyCommand {

    public static final String NAME = "encryption-key";

    private EncryptionKeyCommand() {
    }

    public static int run(PrintStream out) {
        out.println(KeyRing.newKeyLine());
        return 0;
    }
}
