package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.Article;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleRules;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.shared.CleanText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The article editor's fields as typed: tags comma-separated, examples one per line, status "DRAFT" or
 * "PUBLISHED". {@link #errors()} names the problem next to each field; the service checks again on save.
 */
record ArticleForm(String title, String body, String category, String tags, String locale, String examples,
        String status) {

    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");

    static ArticleForm blank() {
        return new ArticleForm("", "", "", "", "", "", ArticleStatus.DRAFT.name());
    }

    /** A draft started from a question customers asked that no article answered. */
    /** A new draft from a customer's question (title and example) and, from the learning queue, an agent's answer. */
    static ArticleForm fromQuestion(String title, List<String> examples, String body) {
        String t = title == null ? "" : title.strip();
        String lines = examples == null ? "" : String.join("\n", examples.stream().map(String::strip)
                .filter(e -> !e.isEmpty()).distinct().toList());
        return new ArticleForm(t, body == null ? "" : body.strip(), "", "", "", lines, ArticleStatus.DRAFT.name());
    }

    static ArticleForm of(Article a) {
        return new ArticleForm(a.title(), a.body(), a.category() == null ? "" : a.category(),
                String.join(", ", a.tags()), a.locale(), String.join("\n", a.examples()), a.status().name());
    }

    /** Problems by field name; empty when the form may be saved. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CleanText.hasWords(title)) {
            errors.put("title", "Enter a title (with a letter or digit)");
        } else if (title.strip().length() > ArticleRules.MAX_TITLE) {
            errors.put("title", "At most " + ArticleRules.MAX_TITLE + " characters");
        }
        if (blank(body)) {
            errors.put("body", "Write the answer");
        } else if (body.length() > ArticleRules.MAX_BODY) {
            errors.put("body", "At most " + ArticleRules.MAX_BODY + " characters");
        }
        if (!blank(category) && category.strip().length() > ArticleRules.MAX_CATEGORY) {
            errors.put("category", "At most " + ArticleRules.MAX_CATEGORY + " characters");
        }
        List<String> tagList = tagList();
        if (tagList.size() > ArticleRules.MAX_TAGS || tagList.stream().anyMatch(t -> t.length() > ArticleRules.MAX_TAG)) {
            errors.put("tags", "At most " + ArticleRules.MAX_TAGS + " tags, each up to " + ArticleRules.MAX_TAG
                    + " characters");
        }
        if (!blank(locale) && !LOCALE.matcher(locale.strip()).matches()) {
            errors.put("locale", "Use a language code like 'en' or 'en-GB'");
        }
        List<String> exampleList = exampleList();
        if (exampleList.size() > ArticleRules.MAX_EXAMPLES
                || exampleList.stream().anyMatch(e -> e.length() > ArticleRules.MAX_EXAMPLE)) {
            errors.put("examples", "At most " + ArticleRules.MAX_EXAMPLES + " examples, each up to "
                    + ArticleRules.MAX_EXAMPLE + " characters");
        } else if (!exampleList.stream().allMatch(CleanText::hasWords)) {
            errors.put("examples", "Each example question needs a letter or digit");
        }
        if (parsedStatus() == null) {
            errors.put("status", "Choose draft or published");
        }
        return errors;
    }

    ArticleDraft toDraft(String id) {
        return new ArticleDraft(id, title, body, blank(category) ? null : category, tagList(),
                blank(locale) ? null : locale.strip(), parsedStatus(), exampleList());
    }

    ArticleForm withStatus(ArticleStatus newStatus) {
        return new ArticleForm(title, body, category, tags, locale, examples, newStatus.name());
    }

    public boolean published() {
        return parsedStatus() == ArticleStatus.PUBLISHED;
    }

    private ArticleStatus parsedStatus() {
        if (blank(status)) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<String> tagList() {
        return split(tags, ",");
    }

    private List<String> exampleList() {
        return split(examples, "\\R");
    }

    private static List<String> split(String text, String separator) {
        if (blank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !blank(s)).toList();
    }

    private static boolean blank(String s) {
        return CleanText.isBlank(s);
    }
}
