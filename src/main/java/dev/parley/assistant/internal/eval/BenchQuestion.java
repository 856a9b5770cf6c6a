package dev.parley.assistant.internal.eval;

import dev.parley.shared.ApiException;
import dev.parley.shared.CleanText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A question for the test bench: {@code expected} is the article that should answer it; {@code labelled} with a
 * null {@code expected} means it should be handed over (out of scope); unlabelled questions are only run.
 */
public record BenchQuestion(String question, String expected, boolean labelled) {

    public static final int MAX_QUESTIONS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public BenchQuestion {
        question = CleanText.of(question).strip();
        expected = expected == null || expected.isBlank() ? null : expected.strip();
    }

    /**
     * Pasted lines: "question", "question | article-id", or "question | -" (should be handed over); a tab works as
     * the separator too. Blank lines are skipped.
     */
    public static List<BenchQuestion> parse(String text) {
        List<BenchQuestion> questions = new ArrayList<>();
        String[] lines = (text == null ? "" : text).replace("\r\n", "\n").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = Math.max(line.lastIndexOf(" | "), line.lastIndexOf('\t'));
            if (bar < 0) {
                questions.add(of(line, null, false, i + 1));
            } else {
                String label = line.substring(bar + (line.charAt(bar) == '\t' ? 1 : 3)).strip();
                boolean outOfScope = label.equals("-") || label.equalsIgnoreCase("none");
                questions.add(of(line.substring(0, bar), outOfScope ? null : label, true, i + 1));
            }
        }
        return limited(questions);
    }

    /** An uploaded file: the eval format ({@code {"question", "expected"}} per line) or pasted-style lines. */
    public static List<BenchQuestion> fromFile(String name, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        if (name == null || !name.toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            return parse(text);
        }
        List<BenchQuestion> questions = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(lines[i]);
                JsonNode question = node.get("question");
                if (question == null || !question.isString()) {
                    throw ApiException.badRequest("Line " + (i + 1) + " of " + name + " has no \"question\"");
                }
                JsonNode expected = node.get("expected");
                questions.add(of(question.asString(), expected == null || expected.isNull() ? null : expected.asString(),
                        node.has("expected"), i + 1));
            } catch (tools.jackson.core.JacksonException e) {
                throw ApiException.badRequest("Line " + (i + 1) + " of " + name + " is not a JSON object");
            }
        }
        return limited(questions);
    }

    private static BenchQuestion of(String question, String expected, boolean labelled, int line) {
        BenchQuestion q = new BenchQuestion(question, expected, labelled);
        if (!q.question().codePoints().anyMatch(Character::isLetterOrDigit) || q.question().length() > 1000) {
            throw ApiException.badRequest("Line " + line + ": a question needs 1-1000 characters of text");
        }
        return q;
    }

    private static List<BenchQuestion> limited(List<BenchQuestion> questions) {
        if (questions.isEmpty()) {
            throw ApiException.badRequest("Give at least one question");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw ApiException.badRequest("At most " + MAX_QUESTIONS + " questions per run");
        }
        return questions;
    }
}
