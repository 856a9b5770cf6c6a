package dev.parley.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the knowledge module, under {@code parley.knowledge}.
 *
 * @param demoContent load the Northwind Outfitters demo articles on a start with an empty knowledge base
 * @param importOnStart files imported at start, each {@code format:path} (formats: jsonl, markdown, csv)
 * @param embeddingCacheSize how many text embeddings are kept in memory (about 1.6 KB each)
 * @param chunkSize target length in characters of the body chunks the index embeds
 * @param defaultLocale locale of articles that do not name one
 * @param vectorWeight weight of the vector similarity in the fused search score; BM25 gets the rest
 * @param syncInterval how often a node reads the database's knowledge version to catch up on changes other nodes
 *     committed (its search index and the assistant's scorer)
 */
@Validated
@ConfigurationProperties("parley.knowledge")
public record KnowledgeSettings(
        @DefaultValue("true") boolean demoContent,
        @DefaultValue({}) List<String> importOnStart,
        @DefaultValue("50000") @Min(0) int embeddingCacheSize,
        @DefaultValue("500") @Min(100) @Max(4000) int chunkSize,
        @DefaultValue("en") @NotBlank String defaultLocale,
        @DefaultValue("0.7") @Min(0) @Max(1) double vectorWeight,
        @DefaultValue("10s") Duration syncInterval) {

    public KnowledgeSettings {
        importOnStart = importOnStart == null ? List.of() : List.copyOf(importOnStart);
    }
}
