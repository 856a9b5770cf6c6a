package dev.parley.assistant.internal.policy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon-based frustration score for the main European languages, plus typographic signals: runs of
 * "!!" / "?!", SHOUTING in capitals. A message is frustrated when its score reaches {@link #THRESHOLD}:
 * one strong word or swear, or a mild word together with a typographic signal.
 */
public final class Frustration {

    static final int THRESHOLD = 2;

    private static final Map<String, Integer> LEXICON = Map.ofEntries(
            // en
            Map.entry("useless", 2), Map.entry("ridiculous", 2), Map.entry("unacceptable", 2),
            Map.entry("pathetic", 2), Map.entry("worst", 2), Map.entry("scam", 2), Map.entry("fed up", 2),
            Map.entry("sick of", 2), Map.entry("waste of time", 2), Map.entry("not helping", 2),
            Map.entry("not helpful", 2), Map.entry("fuck\\w*", 2), Map.entry("shit\\w*", 2), Map.entry("wtf", 2),
            Map.entry("furious", 2), Map.entry("disgusting", 2), Map.entry("incompetent", 2),
            Map.entry("stupid", 2), Map.entry("you don t understand", 2), Map.entry("not what i asked", 2),
            Map.entry("terrible", 1), Map.entry("awful", 1), Map.entry("horrible", 1), Map.entry("angry", 1),
            Map.entry("annoyed", 1), Map.entry("annoying", 1), Map.entry("frustrat\\w*", 1), Map.entry("hate", 1),
            Map.entry("disappointed", 1), Map.entry("damn", 1), Map.entry("crap", 1), Map.entry("again", 1),
            Map.entry("still not", 1), Map.entry("upset", 1),
            // de
            Map.entry("unverschamt", 2), Map.entry("frechheit", 2), Map.entry("nutzlos", 2), Map.entry("scheiss\\w*", 2),
            Map.entry("katastrophe", 2), Map.entry("wutend", 2), Map.entry("verargert", 1), Map.entry("sauer", 1),
            Map.entry("enttauscht", 1), Map.entry("argerlich", 1), Map.entry("schon wieder", 1),
            // fr
            Map.entry("inadmissible", 2), Map.entry("inacceptable", 2), Map.entry("merde", 2), Map.entry("honteux", 2),
            Map.entry("ras le bol", 2), Map.entry("furieux", 2), Map.entry("nul", 1), Map.entry("enerve", 1),
            Map.entry("decu", 1), Map.entry("agace", 1),
            // es
            Map.entry("inutil", 2), Map.entry("verguenza", 2), Map.entry("harto", 2), Map.entry("mierda", 2),
            Map.entry("inaceptable", 2), Map.entry("pesimo", 2), Map.entry("furioso", 2), Map.entry("enfadado", 1),
            Map.entry("molesto", 1),
            // it
            Map.entry("vergogna", 2), Map.entry("schifo", 2), Map.entry("inaccettabile", 2), Map.entry("pessimo", 2),
            Map.entry("arrabbiato", 1), Map.entry("deluso", 1),
            // nl
            Map.entry("belachelijk", 2), Map.entry("waardeloos", 2), Map.entry("schandalig", 2), Map.entry("nutteloos", 2),
            Map.entry("boos", 1), Map.entry("teleurgesteld", 1), Map.entry("irritant", 1),
            // pt
            Map.entry("absurdo", 2), Map.entry("ridiculo", 2), Map.entry("vergonha", 2), Map.entry("merda", 2),
            Map.entry("irritado", 1), Map.entry("chateado", 1));
    private static final Pattern WORDS = Pattern.compile("\\b(" + String.join("|", LEXICON.keySet()) + ")\\b");
    private static final Pattern PUNCTUATION_RUN = Pattern.compile("[!?]{2,}");
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{4,}\\b");

    private Frustration() {
    }

    public static boolean frustrated(String text) {
        return score(text) >= THRESHOLD;
    }

    static int score(String text) {
        int score = 0;
        Matcher words = WORDS.matcher(HumanRequest.normalise(text));
        while (words.find()) {
            score += weight(words.group(1));
        }
        if (PUNCTUATION_RUN.matcher(text).find()) {
            score++;
        }
        if (shouting(text)) {
            score++;
        }
        return score;
    }

    private static int weight(String match) {
        return LEXICON.entrySet().stream().filter(e -> match.matches(e.getKey()))
                .mapToInt(Map.Entry::getValue).max().orElse(1);
    }

    /** Mostly capitals over enough letters, or several fully capitalised words (not one acronym). */
    private static boolean shouting(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        if (letters >= 10 && upper >= 0.7 * letters) {
            return true;
        }
        Matcher shouted = SHOUTED_WORD.matcher(text);
        int count = 0;
        while (shouted.find()) {
            count++;
        }
        return count >= 2;
    }
}
