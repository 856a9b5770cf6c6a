package dev.parley.mail.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Bytes to text for mail bodies, which often lie about their charset: the declared one when it decodes cleanly,
 * else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what "Latin-1" mail really is). Never throws; each
 * fallback leaves a warning.
 */
public final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    public static String decode(byte[] bytes, String declared, List<String> warnings) {
        Charset charset = charset(declared);
        if (declared != null && charset == null) {
            warnings.add("unknown charset '" + declared + "', read as UTF-8 or Windows-1252");
        }
        if (charset != null) {
            String text = strictOrNull(bytes, charset);
            if (text != null) {
                return text;
            }
            warnings.add("text is not valid " + charset.name() + " as declared, read as UTF-8 or Windows-1252");
        }
        String utf8 = strictOrNull(bytes, StandardCharsets.UTF_8);
        // mail without a charset is US-ASCII by RFC, so any 8-bit byte is a guess either way: no warning for it
        return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
    }

    /** The Java charset for a MIME charset name, or null when Java has none by that name. */
    public static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = declared.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        name = switch (name) {
            case "utf8" -> "utf-8";
            case "us-ascii", "ascii", "ansi_x3.4-1968" -> "utf-8";
            case "latin1", "latin-1", "iso-8859-1" -> "windows-1252";
            case "ks_c_5601-1987" -> "x-windows-949";
            case "iso-8859-8-i" -> "iso-8859-8";
            case "gb2312" -> "gbk";
            default -> name;
        };
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The text when the bytes are valid in the charset, else null. */
    public static String strictOrNull(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
