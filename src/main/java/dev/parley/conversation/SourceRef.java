package dev.parley.conversation;

/** A knowledge-base article an assistant answer was drawn from. */
public record SourceRef(String articleId, String title, String url) {
}
