package dev.parley.encryption;

/** The key ring changed (a key was added, or another one became active). */
public record KeysChanged(String activeKeyId) {
}
