package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.assistant.internal.KnowledgeAssistant;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes (application contexts with data folders of their own) on one database: what one node changes in the
 * knowledge base is searched and answered on the other without a restart, and embedded once (issue 21). Subclasses
 * pick the database both nodes share.
 */
abstract class KnowledgeAcrossNodesContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    protected final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String id = "across-" + run;

    /** Command-line arguments that put a node on this test's database, the same for both nodes. */
    protected abstract List<String> database();

    @Test
    void anArticlePublishedOnOneNodeIsFoundAndAnsweredOnTheOther() {
        try (var a = node("a"); var b = node("b")) {
            awaitReady(b);
            a.getBean(Articles.class).create(draft("Frobnicator warranty",
                    "Every frobnicator carries a two-year warranty covering parts and labour.",
                    List.of("how long is the frobnicator warranty?", "is my frobnicator still under warranty?",
                            "does the warranty cover frobnicator repairs?")));

            KnowledgeBase knowledge = b.getBean(KnowledgeBase.class);
            Eventually.within(TIMEOUT, "node B finds the article node A published",
                    () -> knowledge.search("frobnicator warranty", 5).stream().anyMatch(h -> h.articleId().equals(id)));
            KnowledgeAssistant assistant = b.getBean(KnowledgeAssistant.class);
            Eventually.within(TIMEOUT, "node B's assistant answers with the article node A published", () -> {
                var outcome = assistant.decide("how long is the frobnicator warranty?", List.of()).outcome();
                return !outcome.escalates() && outcome.sources().stream().anyMatch(s -> s.articleId().equals(id));
            });
        }
    }

    @Test
    void editsAndDeletionsOnOneNodeReachTheOther() {
        try (var a = node("a"); var b = node("b")) {
            Articles articles = a.getBean(Articles.class);
            articles.create(draft("Snorkel rental", "Snorkels rent for $5 a day.", List.of()));
            KnowledgeBase knowledge = b.getBean(KnowledgeBase.class);
            awaitTitle(knowledge, "snorkel", "Snorkel rental");

            articles.update(id, draft("Snorkel hire", "Snorkels rent for $5 a day.", List.of()));
            awaitTitle(knowledge, "snorkel", "Snorkel hire");

            articles.delete(id);
            Eventually.within(TIMEOUT, "node B no longer finds the article node A deleted",
                    () -> knowledge.search("snorkel", 5).stream().noneMatch(h -> h.articleId().equals(id)));
        }
    }

    @Test
    void aNodeBuildsItsIndexFromTheEmbeddingsAnotherNodeStoredWithoutRunningTheModel() {
        String title = "Frobnicator warranty";
        try (var a = node("a")) {
            a.getBean(Articles.class).create(draft(title, "Every frobnicator carries a two-year warranty.",
                    List.of("how long is the frobnicator warranty?")));
            awaitTitle(a.getBean(KnowledgeBase.class), "frobnicator", title);

            List<String> embeddedOnB = Collections.synchronizedList(new ArrayList<>());
            try (var b = node("b", embeddedOnB)) {
                // B has no index yet: it builds one from the database, the article's vectors included.
                awaitTitle(b.getBean(KnowledgeBase.class), "frobnicator", title);
                assertThat(embeddedOnB).as("B's model embedded the search question").isNotEmpty();
                // The index embeds the first chunk with its title; nothing else embeds that text.
                assertThat(List.copyOf(embeddedOnB)).noneMatch(text -> text.startsWith(title + "\n"));
            }
        }
    }

    private void awaitTitle(KnowledgeBase knowledge, String query, String title) {
        Eventually.within(TIMEOUT, "node B finds '" + title + "'", () -> knowledge.search(query, 5).stream()
                .anyMatch(h -> h.articleId().equals(id) && h.title().equals(title)));
    }

    private static void awaitReady(ConfigurableApplicationContext node) {
        assertThat(node.getBean(dev.parley.assistant.AssistantReadiness.class).awaitReady(TIMEOUT)).isTrue();
    }

    private ArticleDraft draft(String title, String body, List<String> examples) {
        return new ArticleDraft(id, title, body, null, List.of(), null, ArticleStatus.PUBLISHED, examples);
    }

    /** The real model, noting every text it is asked to embed. */
    private record RecordingModel(EmbeddingModel model, List<String> embedded) implements EmbeddingModel {

        @Override
        public Response<Embedding> embed(String text) {
            embedded.add(text);
            return model.embed(text);
        }

        @Override
        public Response<Embedding> embed(TextSegment segment) {
            embedded.add(segment.text());
            return model.embed(segment);
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(s -> embedded.add(s.text()));
            return model.embedAll(segments);
        }

        @Override
        public int dimension() {
            return model.dimension();
        }
    }

    private ConfigurableApplicationContext node(String name) {
        return node(name, null);
    }

    /** A node; with {@code embedded}, every text its embedding model is asked to embed is added there. */
    private ConfigurableApplicationContext node(String name, List<String> embedded) {
        var builder = new SpringApplicationBuilder(ParleyApplication.class);
        if (embedded != null) {
            builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof EmbeddingModel model && beanName.equals("embeddingModel")
                            ? new RecordingModel(model, embedded) : bean;
                }
            }));
        }
        // Command-line arguments outrank the system properties surefire sets for every test.
        List<String> args = new ArrayList<>(List.of("--parley.data-dir=target/knowledge-nodes-" + run + "-" + name,
                "--server.port=0", "--parley.knowledge.sync-interval=500ms"));
        args.addAll(database());
        return builder.run(args.toArray(String[]::new));
    }
}
