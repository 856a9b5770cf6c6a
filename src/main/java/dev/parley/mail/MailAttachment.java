package dev.parley.mail;

/** A file that came with an inbound mail; the filename is safe to show and to use as a name on disk. */
public record MailAttachment(String filename, String contentType, long size, byte[] content) {
}
