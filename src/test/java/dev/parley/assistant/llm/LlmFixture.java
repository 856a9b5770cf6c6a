package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.assistant.llm.provider.ProviderSettings;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.realtime.internal.LocalDispatcher;
import dev.parley.realtime.internal.LocalRealtimeBus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The generative layer assembled by hand from its real parts: an OpenAI-compatible provider against a
 * local WireMock, an in-memory H2 migrated with our Flyway scripts, the local realtime bus and a
 * simple meter registry.
 */
final class LlmFixture implements AutoCloseable {

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final LocalRealtimeBus bus = new LocalRealtimeBus(new LocalDispatcher());
    final List<RealtimeEvent> published = new CopyOnWriteArrayList<>();
    final LlmSettings settings;
    final LlmUsage usage;
    final LlmProviders providers;
    final GroundedAnswerer answerer;
    final PiiRedactor redactor;
    final Personas personas;
    final UUID conversationId = UUID.randomUUID();

    LlmFixture() {
        server.start();
        settings = TestSettings.openAi(server.baseUrl());
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:llm-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/llm").load().migrate();
        usage = new LlmUsage(JdbcClient.create(dataSource), settings, Clock.systemUTC(), event -> { });
        providers = new LlmProviders(settings, List.of(ProviderSettings.openAiFactory()));
        redactor = new PiiRedactor(settings);
        personas = new Personas(new PersonaStore(JdbcClient.create(dataSource)), settings, Clock.systemUTC());
        answerer = new GroundedAnswerer(providers, redactor, new LanguageDetector(),
                new AnswerCache(settings, Clock.systemUTC(), meters), new UsageRecorder(usage), new TokenPreview(bus),
                personas);
        bus.subscribe(RealtimeEvent.conversationTopic(conversationId), published::add);
    }

    static final KnowledgeArticle RESET = new KnowledgeArticle("kb-reset", "Reset your password",
            "Open Settings > Security and choose 'Reset password'. The link we email is valid for 24 hours.",
            "account", List.of("password"), "en", List.of("forgot password"), "https://help.example.com/kb-reset");
    static final KnowledgeArticle REFUND = new KnowledgeArticle("kb-refund", "Refunds",
            "Refunds reach your card within 5 business days after we receive the return.", "billing",
            List.of("refund"), "en", List.of("where is my refund"), "https://help.example.com/kb-refund");

    GroundedQuestion question(String text) {
        return question(text, 0.82, 7);
    }

    GroundedQuestion question(String text, double confidence, long knowledgeVersion) {
        return new GroundedQuestion(conversationId, UUID.randomUUID(), text, List.of(), List.of(RESET, REFUND),
                confidence, knowledgeVersion);
    }

    Message message(AuthorType author, String text) {
        return new Message(UUID.randomUUID(), 1, conversationId, author, null, author.name(), text, false, null,
                null, null, List.of(), Instant.now());
    }

    /** The model answers every chat completion with {@code content}, reporting the given token usage. */
    void modelAnswers(String content, int inputTokens, int outputTokens) {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiWire.completion(content, inputTokens, outputTokens))));
    }

    String lastRequestBody() {
        return server.getAllServeEvents().getFirst().getRequest().getBodyAsString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
