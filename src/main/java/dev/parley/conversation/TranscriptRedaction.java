package dev.parley.conversation;

/**
 * What is written to the transcript: implementations may replace personal data (emails, phone and card
 * numbers, …) with placeholders before customer and assistant messages are stored.
 */
public interface TranscriptRedaction {

    String forStorage(String text);
}
