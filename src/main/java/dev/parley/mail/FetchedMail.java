package dev.parley.mail;

/**
 * One message from a mailbox, as the server stores it. {@code size} is the full size on the server; when it is
 * over the caller's cap only the first bytes are in {@code raw} and {@code truncated} is set.
 */
public record FetchedMail(long uid, byte[] raw, long size, boolean truncated) {
}
