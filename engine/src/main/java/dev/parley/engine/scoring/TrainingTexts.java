package dev.parley.engine.scoring;

import dev.parley.engine.text.VisibleText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The texts an article is recognised by: its example questions and its title; its body's passages
 * only when it has no examples (a knowledge base written as prose), each under the title and without those that are
 * boilerplate.
 */
final class TrainingTexts {

    static final int MAX_PASSAGES = 12;
    static final int MAX_PASSAGE_CHARS = 400;

    private TrainingTexts() {
    }

    static List<String> of(TrainingArticle article) {
        return of(article, passage -> false);
    }

    /**
     * @param boilerplate passages that tell the article from no other (see {@link SharedWording}), left out unless
     *        the article has nothing else
     */
    static List<String> of(TrainingArticle article, Predicate<String> boilerplate) {
        List<String> texts = new ArrayList<>();
        // Text with nothing visible ("\u200b") has no token for the model to embed.
        if (!VisibleText.isBlank(article.title())) {
            texts.add(article.title().strip());
        }
        for (String example : article.examples()) {
            if (!VisibleText.isBlank(example)) {
                texts.add(example.strip());
            }
        }
        if (article.examples().isEmpty() && article.body() != null) {
            List<String> passages = passages(article.body());
            List<String> distinctive = passages.stream().filter(boilerplate.negate()).toList();
            List<String> kept = distinctive.isEmpty() ? passages : distinctive;
            if (VisibleText.isBlank(article.title())) {
                texts.addAll(kept);
            } else {
                // A passage is read under its article's title, as a reader of the page does: "Apply online" means
                // little until it is "Disability benefits — how to apply: Apply online" (ADR 0035).
                kept.forEach(passage -> texts.add(article.title().strip() + ": " + passage));
            }
        }
        return texts;
    }

    static List<String> passages(String body) {
        List<String> out = new ArrayList<>();
        for (String paragraph : body.split("\\n\\s*\\n|\\n(?=\\s*(?:[-*#]|\\d+\\.))")) {
            String text = paragraph.replaceAll("[#*_`>]+", " ").replaceAll("\\s+", " ").strip();
            if (text.length() < 12) {
                continue;
            }
            for (String piece : chunk(text)) {
                out.add(piece);
                if (out.size() == MAX_PASSAGES) {
                    return out;
                }
            }
        }
        return out;
    }

    private static List<String> chunk(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            if (current.length() > 0 && current.length() + sentence.length() > MAX_PASSAGE_CHARS) {
                pieces.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(sentence);
        }
        if (current.length() > 0) {
            pieces.add(current.toString());
        }
        return pieces;
    }
}
