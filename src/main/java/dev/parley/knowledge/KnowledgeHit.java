package dev.parley.knowledge;

/** One result of a knowledge search; {@code score} is the fused hybrid score, higher is better. */
public record KnowledgeHit(String articleId, String title, String snippet, String url, double score) {
}
