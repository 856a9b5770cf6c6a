package dev.parley.conversation;

import dev.parley.shared.ApiException;
import dev.parley.shared.Colours;
import java.util.List;
import java.util.Locale;

/**
 * The colours a tag may have: a palette whose chips read well with dark or white text, or any {@code #rrggbb};
 * the chip's text colour is chosen by luminance, so every colour stays legible.
 */
public final class TagColours {

    public static final List<String> PALETTE = List.of("#b91c1c", "#c2410c", "#a16207", "#15803d", "#0f766e",
            "#0369a1", "#4338ca", "#7e22ce", "#be185d", "#4b5563");

    private TagColours() {
    }

    /** The colour as stored ({@code #rrggbb}, lower case), or a 400 that says what is accepted. */
    public static String valid(String colour) {
        String value = Colours.hex(colour);
        if (value == null) {
            throw ApiException.badRequest("colour must be a hex colour like #0369a1 (palette: " + PALETTE + ")");
        }
        return value;
    }

    /** A palette colour picked by the name, so new tags get varied but stable colours. */
    public static String forName(String name) {
        return PALETTE.get(Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), PALETTE.size()));
    }
}
