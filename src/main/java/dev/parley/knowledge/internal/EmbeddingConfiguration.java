package dev.parley.knowledge.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.OnnxTextEmbeddings;
import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.knowledge.KnowledgeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The embedding model, wired by hand (LangChain4j's Boot starters do not work on Boot 4). The model
 * ships inside a Maven jar and runs offline; it loads in the background while the application starts
 * ({@link ModelPreload}).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean
    static ModelPreload modelPreload() {
        return new ModelPreload(BgeSmallEmbeddingModel::new);
    }

    @Bean
    @Lazy
    EmbeddingModel embeddingModel(ModelPreload preload) {
        return preload.model();
    }

    @Bean
    TextEmbeddings textEmbeddings(@Lazy EmbeddingModel embeddingModel, KnowledgeSettings settings) {
        return new OnnxTextEmbeddings(embeddingModel, settings.embeddingCacheSize());
    }
}
