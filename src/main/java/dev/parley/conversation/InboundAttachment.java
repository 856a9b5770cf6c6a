package dev.parley.conversation;

/** A file that came with an inbound message; the channel has already applied its size and type limits. */
public record InboundAttachment(String filename, String contentType, byte[] content) {
}
