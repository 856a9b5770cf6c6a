package dev.parley.knowledge.internal;

import dev.parley.shared.CleanText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a valid article looks like, shared by the admin API and every importer so they accept and refuse
 * the same things. {@link #check} answers the first problem in words a user can act on.
 */
public final class ArticleRules {

    public static final int MAX_ID = 100;
    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_CATEGORY = 100;
    public static final int MAX_TAG = 64;
    public static final int MAX_TAGS = 30;
    public static final int MAX_EXAMPLE = 1000;
    public static final int MAX_EXAMPLES = 1000;
    public static final int MAX_SOURCE = 2000;
    // Imported ids are kept as they are (data sets use ids like "reverted_card_payment?"), so only what
    // cannot be a URL path segment at all is refused; links encode the rest.
    private static final Pattern ID = Pattern.compile("[^\\s/\\\\\\p{Cntrl}]{1,100}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");

    private ArticleRules() {
    }

    /** The first problem with a draft, or empty when it may be stored. */
    public static Optional<String> check(ArticleDraft d) {
        if (d.id() != null && !ID.matcher(d.id()).matches()) {
            return Optional.of("id must be 1-100 characters without spaces, '/' or '\\'");
        }
        if (!CleanText.hasWords(d.title()) || d.title().strip().length() > MAX_TITLE) {
            return Optional.of("title is required, at most " + MAX_TITLE + " characters, with a letter or digit");
        }
        if (d.body() == null || d.body().length() > MAX_BODY) {
            return Optional.of("body is required and at most " + MAX_BODY + " characters");
        }
        if (d.category() != null && d.category().strip().length() > MAX_CATEGORY) {
            return Optional.of("category is at most " + MAX_CATEGORY + " characters");
        }
        if (d.locale() != null && !LOCALE.matcher(d.locale()).matches()) {
            return Optional.of("locale must look like 'en' or 'en-GB'");
        }
        if (d.tags().size() > MAX_TAGS || d.tags().stream().anyMatch(t -> blank(t) || t.strip().length() > MAX_TAG)) {
            return Optional.of("at most " + MAX_TAGS + " tags, each 1-" + MAX_TAG + " characters");
        }
        if (d.source() != null && d.source().strip().length() > MAX_SOURCE) {
            return Optional.of("source is at most " + MAX_SOURCE + " characters");
        }
        if (d.examples().size() > MAX_EXAMPLES) {
            return Optional.of("at most " + MAX_EXAMPLES + " examples");
        }
        if (d.examples().stream().anyMatch(e -> !validExample(e))) {
            return Optional.of("each example must be 1-" + MAX_EXAMPLE + " characters with a letter or digit");
        }
        return Optional.empty();
    }

    /** Trims text, drops duplicate tags and examples, fills in the locale and status. */
    public static ArticleDraft normalise(ArticleDraft d, String defaultLocale) {
        String category = blank(d.category()) ? null : d.category().strip();
        String locale = blank(d.locale()) ? defaultLocale : d.locale().strip();
        ArticleStatus status = d.status() == null ? ArticleStatus.PUBLISHED : d.status();
        String source = blank(d.source()) ? null : d.source().strip();
        return new ArticleDraft(d.id(), d.title().strip(), d.body().strip(), category,
                distinct(d.tags(), true), locale, status, distinct(d.examples(), false), source);
    }

    /** A readable id from a title, e.g. "Where is my order?" becomes "where-is-my-order". */
    public static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "article" : slug;
    }

    /** An example question the assistant can learn from: it has words, and not too many. */
    static boolean validExample(String text) {
        return CleanText.hasWords(text) && text.strip().length() <= MAX_EXAMPLE;
    }

    /** Nothing visible: whitespace, zero-width and other format characters count as nothing (ADR 0008). */
    static boolean blank(String s) {
        return CleanText.isBlank(s);
    }

    private static List<String> distinct(List<String> values, boolean lowerCase) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            String s = v.strip();
            seen.add(lowerCase ? s.toLowerCase(Locale.ROOT) : s);
        }
        return new ArrayList<>(seen);
    }
}
