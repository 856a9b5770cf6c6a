package dev.parley.assistant.llm;

import java.util.List;
import java.util.Objects;

/** A chat request: the fixed system prompt and the turns after it (customer text only ever in user turns). */
public record LlmRequest(String system, List<Turn> turns) {

    public LlmRequest {
        Objects.requireNonNull(system, "system");
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one turn");
        }
    }

    public static LlmRequest of(String system, String user) {
        return new LlmRequest(system, List.of(Turn.user(user)));
    }

    public enum Role { USER, ASSISTANT }

    public record Turn(Role role, String text) {

        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
        }

        public static Turn user(String text) {
            return new Turn(Role.USER, text);
        }

        public static Turn assistant(String text) {
            return new Turn(Role.ASSISTANT, text);
        }
    }
}
