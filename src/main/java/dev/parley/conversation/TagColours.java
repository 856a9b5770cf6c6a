package dev.parley.conversation;

import dev.parley.shared.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The colours a tag may have: a palette whose chips read well with dark or white text, or any {@code #rrggbb};
 * the chip's text colour is chosen by luminance, so every colour stays legible.
 */
public final class TagColours {

    public static final List<String> PALETTE = List.of("#b91c1c", "#c2410c", "#a16207", "#15803d", "#0f766e",
            "#0369a1", "#4338ca", "#7e22ce", "#be185d", "#4b5563");

    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    private TagColours() {
    }

    /** The colour as stored ({@code #rrggbb}, lower case), or a 400 that says what is accepted. */
    public static String valid(String colour) {
        String value = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (value.matches("#[0-9a-f]{3}")) {
            value = "#" + value.charAt(1) + value.charAt(1) + value.charAt(2) + value.charAt(2) + value.charAt(3)
                    + value.charAt(3);
        }
        if (!HEX.matcher(value).matches()) {
            throw ApiException.badRequest("colour must be a hex colour like #0369a1 (palette: " + PALETTE + ")");
        }
        return value;
    }

    /** A palette colour picked by the name, so new tags get varied but stable colours. */
    public static String forName(String name) {
        return PALETTE.get(Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), PALETTE.size()));
    }

    static double luminance(String colour) {
        double r = channel(Integer.parseInt(colour.substring(1, 3), 16));
        double g = channel(Integer.parseInt(colour.substring(3, 5), 16));
        double b = channel(Integer.parseInt(colour.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
