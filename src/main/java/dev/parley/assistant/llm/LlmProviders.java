package dev.parley.assistant.llm;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The provider chosen by {@code parley.assistant.provider}, made resilient; empty when offline. An
 * unknown id fails at startup and names the ids that exist.
 */
@Component
public class LlmProviders {

    private final LlmProvider active;

    public LlmProviders(LlmSettings settings, List<LlmProviderFactory> factories) {
        this.active = settings.offline() ? null : new ResilientProvider(factoryFor(settings, factories)
                .create(settings), settings.resilience());
    }

    /** The configured provider, or empty with {@code provider: offline}. */
    public Optional<LlmProvider> active() {
        return Optional.ofNullable(active);
    }

    private static LlmProviderFactory factoryFor(LlmSettings settings, List<LlmProviderFactory> factories) {
        return factories.stream()
                .filter(factory -> factory.id().equalsIgnoreCase(settings.provider()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("parley.assistant.provider=" + settings.provider()
                        + " is unknown; use " + LlmSettings.OFFLINE + " or one of "
                        + factories.stream().map(LlmProviderFactory::id).sorted().collect(Collectors.joining(", "))));
    }
}
