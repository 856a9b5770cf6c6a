package dev.parley.assistant.internal;

import java.util.regex.Pattern;

/**
 * Article Markdown as a chat message: channels show messages as plain text (never HTML), so emphasis
 * markers and heading hashes are dropped and links become "text (address)".
 */
final class PlainText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)[*+-]\\s+");

    private PlainText() {
    }

    static String fromMarkdown(String markdown) {
        String text = LINK.matcher(markdown).replaceAll(match -> match.group(1).equals(match.group(2))
                ? java.util.regex.Matcher.quoteReplacement(match.group(2))
                : java.util.regex.Matcher.quoteReplacement(match.group(1) + " (" + match.group(2) + ")"));
        text = HEADING.matcher(text).replaceAll("");
        text = STRONG.matcher(text).replaceAll("$2");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        text = CODE.matcher(text).replaceAll("$1");
        text = BULLET.matcher(text).replaceAll("$1• ");
        return text;
    }
}
