package dev.parley.assistant.llm;

import dev.parley.conversation.SourceRef;
import java.util.List;

/**
 * A draft for an agent (a suggested reply or a summary); {@code generated} says whether a model wrote
 * it or the offline copilot picked it from the articles and transcript.
 */
public record CopilotDraft(String text, List<SourceRef> sources, boolean generated) {

    public CopilotDraft {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
