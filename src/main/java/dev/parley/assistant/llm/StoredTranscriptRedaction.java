package dev.parley.assistant.llm;

import dev.parley.conversation.TranscriptRedaction;
import org.springframework.stereotype.Component;

/** Redacts stored transcripts when {@code parley.assistant.redact-stored-transcripts} is on. */
@Component
class StoredTranscriptRedaction implements TranscriptRedaction {

    private final PiiRedactor redactor;

    StoredTranscriptRedaction(PiiRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public String forStorage(String text) {
        return redactor.forStorage(text);
    }
}
