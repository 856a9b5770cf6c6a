package dev.parley.assistant.passage;

import java.util.regex.Pattern;

/** Inline Markdown: what is kept in answers (bold, emphasis, links, code) and how it reads as plain text. */
final class Inline {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private Inline() {
    }

    /** Images become their alternative text; inline HTML tags are dropped (messages never show HTML). */
    static String clean(String markdown) {
        return IMAGE.matcher(markdown).replaceAll("$1").replaceAll("</?[a-zA-Z][^>]*>", "")
                .replaceAll("\\s+", " ").strip();
    }

    static String plain(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = STRONG.matcher(text).replaceAll("$2");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        return CODE.matcher(text).replaceAll("$1");
    }
}
