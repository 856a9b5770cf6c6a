package dev.parley.knowledge.internal;

/** An article's id and title, for lists and links. */
public record ArticleTitle(String id, String title) {
}
