package dev.parley.assistant.llm;

import java.util.function.Function;

/**
 * Something built from the persona in force (a prompt and its guard), rebuilt only when the persona
 * changes, so reading the current persona on every call costs an equality check.
 */
final class PersonaBound<T> {

    private record Built<T>(LlmSettings.Persona persona, T value) {
    }

    private final Personas personas;
    private final Function<LlmSettings.Persona, T> build;
    private volatile Built<T> built;

    PersonaBound(Personas personas, Function<LlmSettings.Persona, T> build) {
        this.personas = personas;
        this.build = build;
    }

    T current() {
        LlmSettings.Persona persona = personas.current().persona();
        Built<T> known = built;
        if (known == null || !known.persona().equals(persona)) {
            known = new Built<>(persona, build.apply(persona));
            built = known;
        }
        return known.value();
    }
}
