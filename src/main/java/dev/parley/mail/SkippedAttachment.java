package dev.parley.mail;

/** A file the mail carried but that was left out (too large, blocked type, one too many), and why. */
public record SkippedAttachment(String filename, String contentType, long size, String reason) {
}
