package dev.parley.mail.internal;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header values to text: RFC 2047 encoded words decoded wherever they stand (clients glue them to other text, which
 * the strict decoder refuses), unknown charsets read as Windows-1252 with a warning, never an exception.
 */
public final class HeaderText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("\\s+");

    private HeaderText() {
    }

    public static String decode(String raw, List<String> warnings) {
        if (raw == null) {
            return null;
        }
        String unfolded = utf8ReadAsLatin1(raw.replaceAll("\r?\n[ \t]", " ").replace("\r", "").replace("\n", ""));
        Matcher word = ENCODED_WORD.matcher(unfolded);
        var out = new StringBuilder();
        int last = 0;
        boolean previousWasEncoded = false;
        while (word.find()) {
            String between = unfolded.substring(last, word.start());
            // whitespace between two encoded words is folding, not text (RFC 2047 section 6.2)
            if (!(previousWasEncoded && BETWEEN_WORDS.matcher(between).matches())) {
                out.append(between);
            }
            out.append(decodeWord(word, warnings));
            last = word.end();
            previousWasEncoded = true;
        }
        out.append(unfolded.substring(last));
        return out.toString().replaceAll("[\\p{Cntrl}&&[^\t]]", "").strip();
    }

    /** Raw UTF-8 in a MIME part's headers reaches us as Latin-1 characters; turn it back when it is valid UTF-8. */
    private static String utf8ReadAsLatin1(String value) {
        if (value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        String repaired = TextDecoding.strictOrNull(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return repaired == null ? value : repaired;
    }

    private static String decodeWord(Matcher word, List<String> warnings) {
        String charset = word.group(1);
        int language = charset.indexOf('*');
        if (language >= 0) {
            charset = charset.substring(0, language);
        }
        if (TextDecoding.charset(charset) == null) {
            warnings.add("unknown charset '" + charset + "' in a header, read as Windows-1252");
            charset = "windows-1252";
        }
        String rebuilt = "=?" + TextDecoding.charset(charset).name() + "?" + word.group(2) + "?" + word.group(3) + "?=";
        try {
            return MimeUtility.decodeWord(rebuilt);
        } catch (UnsupportedEncodingException | jakarta.mail.internet.ParseException | RuntimeException e) {
            warnings.add("undecodable encoded word kept as is: " + word.group());
            return word.group();
        }
    }
}
