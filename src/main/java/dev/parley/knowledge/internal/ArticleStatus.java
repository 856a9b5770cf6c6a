package dev.parley.knowledge.internal;

/** Only published articles are searchable and shown to customers. */
public enum ArticleStatus {
    DRAFT, PUBLISHED
}
