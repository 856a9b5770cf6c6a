package dev.parley.assistant.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the model is asked for the questions customers might ask about one help-center article, and how its answer is
 * read: one place for the background {@code QuestionWriter} and the eval command, so the eval measures what the
 * product does.
 */
public final class QuestionPrompt {

    /** Longer bodies are cut: the questions come from what an article is about, which its start says. */
    private static final int MAX_BODY = 6_000;
    private static final String SYSTEM = """
            You write the questions customers type into a support chat. Given one help-center article, write %d \
            different short questions that this article answers, as real customers would phrase them: plain \
            words, first person, some casual, no article title copied word for word. Write them in the language of \
            the article (%s). Answer with one question per line and nothing else.""";

    private QuestionPrompt() {
    }

    /** The request for {@code perArticle} questions about an article; {@code locale} is a language tag (null: en). */
    public static LlmRequest request(String title, String body, String locale, int perArticle) {
        String text = body == null ? "" : body;
        text = text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
        String language = Locale.forLanguageTag(locale == null ? "en" : locale).getDisplayLanguage(Locale.ENGLISH);
        return LlmRequest.of(SYSTEM.formatted(perArticle, language.isBlank() ? "English" : language),
                "# " + title + "\n\n" + text);
    }

    /** The model's lines as questions: numbering, bullets and quotes removed, empty lines dropped. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\r?\n")) {
            String q = line.strip().replaceFirst("^(\\d{1,2}[.)]|[-*•])\\s*", "").replaceAll("^[\"“]|[\"”]$", "").strip();
            if (!q.isEmpty()) {
                out.add(q);
            }
        }
        return out;
    }
}
