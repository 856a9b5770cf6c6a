package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.internal.LocalDispatcher;
import dev.parley.realtime.internal.LocalRealtimeBus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The layer wires from configuration alone: provider chosen by id, prices bound, bad settings refused. */
class LlmWiringTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Infrastructure.class, Layer.class);

    @Test
    void isOfflineByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LlmProviders.class).active()).isEmpty();
            assertThat(context).hasSingleBean(GroundedAnswerer.class).hasSingleBean(AgentCopilot.class)
                    .hasSingleBean(LlmUsage.class).hasSingleBean(PiiRedactor.class);
        });
    }

    @Test
    void choosesTheProviderNamedInConfiguration() {
        runner.withPropertyValues("parley.assistant.provider=ollama",
                "parley.assistant.ollama.base-url=http://127.0.0.1:11434", "parley.assistant.ollama.model=qwen2.5:3b")
                .run(context -> {
                    var provider = context.getBean(LlmProviders.class).active().orElseThrow();
                    assertThat(provider.id()).isEqualTo("ollama");
                    assertThat(provider.model()).isEqualTo("qwen2.5:3b");
                });
    }

    @Test
    void bindsPricesForModelNamesWithDots() {
        runner.withPropertyValues("parley.assistant.prices[llama3.2].input-per-million=0.10",
                "parley.assistant.prices[llama3.2].output-per-million=0.20",
                "parley.assistant.prices.gpt-4o-mini.input-per-million=0.15",
                "parley.assistant.prices.gpt-4o-mini.output-per-million=0.60")
                .run(context -> {
                    var prices = context.getBean(LlmSettings.class).prices();
                    assertThat(prices.get("llama3.2").outputPerMillion()).isEqualByComparingTo(new BigDecimal("0.20"));
                    assertThat(prices.get("gpt-4o-mini").inputPerMillion()).isEqualByComparingTo("0.15");
                });
    }

    @Test
    void refusesAnUnknownProviderAndNamesTheKnownOnes() {
        runner.withPropertyValues("parley.assistant.provider=gemini").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("gemini").hasMessageContaining("anthropic, ollama, openai");
        });
    }

    @Test
    void refusesAnthropicWithoutAnApiKey() {
        runner.withPropertyValues("parley.assistant.provider=anthropic").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("anthropic.api-key");
        });
    }

    @Test
    void refusesInvalidSettings() {
        runner.withPropertyValues("parley.assistant.resilience.max-attempts=0").run(context ->
                assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LlmSettings.class)
    @ComponentScan(basePackageClasses = LlmSettings.class, excludeFilters = {
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests.*"),
            // it works on the knowledge module's GeneratedQuestions; GeneratedQuestionsTests wires it in the application
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = QuestionWriter.class)})
    static class Layer {
    }

    @Configuration(proxyBeanMethods = false)
    static class Infrastructure {

        @Bean
        DataSource dataSource() {
            var dataSource = new DriverManagerDataSource("jdbc:h2:mem:wiring-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/llm").load().migrate();
            return dataSource;
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        RealtimeBus realtimeBus() {
            return new LocalRealtimeBus(new LocalDispatcher());
        }

        /** The knowledge module's embeddings, which the copilot picks passages with; these tests never embed. */
        @Bean
        dev.parley.engine.runtime.TextEmbeddings textEmbeddings() {
            return new dev.parley.engine.runtime.TextEmbeddings() {
                @Override
                public float[] embed(String text) {
                    throw new UnsupportedOperationException("the wiring tests do not embed");
                }

                @Override
                public java.util.List<float[]> embedAll(java.util.List<String> texts) {
                    throw new UnsupportedOperationException("the wiring tests do not embed");
                }

                @Override
                public int dimension() {
                    return 384;
                }
            };
        }
    }
}
