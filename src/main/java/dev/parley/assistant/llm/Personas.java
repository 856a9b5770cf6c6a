package dev.parley.assistant.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who the assistant speaks for: the persona an admin saved on {@code /admin/assistant}, else
 * {@code parley.assistant.persona.*}. Read on every generative call, so the stored row is kept in memory
 * and re-read at most every {@link #REFRESH} (other nodes see a change within that time, this one at once).
 */
@Service
public class Personas {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(Personas.class);

    /** Where the effective persona comes from. */
    public enum Source { CONFIGURATION, ADMIN_PAGE }

    /** The persona in force; {@code updatedAt} and {@code updatedBy} are null when it comes from configuration. */
    public record Effective(LlmSettings.Persona persona, Source source, Instant updatedAt, String updatedBy) {
    }

    private record Snapshot(Effective effective, Instant loadedAt) {
    }

    private final PersonaStore store;
    private final LlmSettings.Persona configured;
    private final Clock clock;
    private volatile Snapshot snapshot;

    Personas(PersonaStore store, LlmSettings settings, Clock clock) {
        this.store = store;
        this.configured = settings.persona();
        this.clock = clock;
    }

    public Effective current() {
        Snapshot known = snapshot;
        return fresh(known) ? known.effective() : reload(false).effective();
    }

    /** The persona from {@code parley.assistant.persona.*}, which {@link #reset()} returns to. */
    public LlmSettings.Persona configured() {
        return configured;
    }

    /**
     * Stores {@code persona} (values stripped, blank list lines dropped) for every node.
     *
     * @throws InvalidPersona with a message per offending field
     */
    public Effective save(LlmSettings.Persona persona, String updatedBy) {
        LlmSettings.Persona clean = new LlmSettings.Persona(strip(persona.companyName()), strip(persona.tone()),
                lines(persona.guidelines()), lines(persona.forbiddenTopics()));
        PersonaRules.check(clean);
        store.save(clean, clock.instant(), updatedBy);
        return reload(true).effective();
    }

    /** Forgets the saved persona; configuration applies again. */
    public Effective reset() {
        store.delete();
        return reload(true).effective();
    }

    /** The system prompt of grounded answers for the effective persona; our own text, shown to admins. */
    public String groundedSystemPrompt() {
        return new GroundedPrompt(current().persona()).system();
    }

    private boolean fresh(Snapshot known) {
        return known != null && clock.instant().isBefore(known.loadedAt().plus(REFRESH));
    }

    private synchronized Snapshot reload(boolean force) {
        if (!force && fresh(snapshot)) {
            return snapshot; // another thread re-read it while this one waited
        }
        Effective effective;
        try {
            effective = store.find()
                    .map(stored -> new Effective(stored.persona(), Source.ADMIN_PAGE, stored.updatedAt(),
                            stored.updatedBy()))
                    .orElseGet(() -> new Effective(configured, Source.CONFIGURATION, null, null));
        } catch (RuntimeException e) {
            // an answer must not fail because the persona could not be read: keep what we had
            log.warn("Could not read the assistant persona, keeping the last known one: {}", e.toString());
            Snapshot known = snapshot;
            effective = known != null ? known.effective()
                    : new Effective(configured, Source.CONFIGURATION, null, null);
        }
        Snapshot loaded = new Snapshot(effective, clock.instant());
        snapshot = loaded;
        return loaded;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<String> lines(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
