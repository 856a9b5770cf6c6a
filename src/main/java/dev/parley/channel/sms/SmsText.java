package dev.parley.channel.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers as SMS: Markdown turned into plain text, and long texts split where a reader would pause. */
final class SmsText {

    /** Twilio refuses a message body longer than this. */
    static final int MAX_PART = 1600;

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?://|mailto:)[^>\\s]+)>");

    private SmsText() {
    }

    static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        String text = markdown.replace("\r\n", "\n");
        text = text.replaceAll("(?m)^\\s*```.*$\\n?", "");
        text = replace(IMAGE, text, m -> m.group(1).isBlank() ? m.group(2) : m.group(1) + " (" + m.group(2) + ")");
        text = replace(LINK, text, m -> m.group(1).strip().equals(m.group(2)) ? m.group(2)
                : m.group(1).strip() + " (" + m.group(2) + ")");
        text = AUTOLINK.matcher(text).replaceAll("$1");
        text = text.replaceAll("(?m)^[ \\t]*([-*_])([ \\t]*\\1){2,}[ \\t]*$", "");
        text = text.replaceAll("(?m)^#{1,6}[ \\t]+", "");
        text = text.replaceAll("(?m)^[ \\t]*>[ \\t]?", "");
        text = text.replaceAll("(?m)^([ \\t]*)[*+][ \\t]+", "$1- ");
        text = text.replaceAll("\\*\\*(.+?)\\*\\*", "$1").replaceAll("__(.+?)__", "$1");
        text = text.replaceAll("(?<![\\w*])\\*(?![\\s*])([^*\\n]+?)(?<!\\s)\\*(?![\\w*])", "$1");
        text = text.replaceAll("(?<![\\w])_(?![\\s_])([^_\\n]+?)(?<!\\s)_(?![\\w])", "$1");
        text = text.replaceAll("~~(.+?)~~", "$1");
        text = text.replaceAll("`([^`\\n]+)`", "$1");
        text = text.replace("**", "").replace("`", "");
        text = text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        return text.strip();
    }

    /** Parts of at most {@code max} characters, cut at a paragraph, sentence or word boundary where there is one. */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int cut = breakAt(rest, max);
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int breakAt(String text, int max) {
        String window = text.substring(0, max + 1);
        int least = max / 2;
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph >= least) {
            return paragraph;
        }
        for (int i = max; i >= least; i--) {
            char c = window.charAt(i - 1);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && Character.isWhitespace(window.charAt(i))) {
                return i;
            }
        }
        for (int i = max; i > 0; i--) {
            if (Character.isWhitespace(window.charAt(i))) {
                return i;
            }
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<java.util.regex.MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
