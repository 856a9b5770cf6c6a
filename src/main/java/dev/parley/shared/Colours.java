package dev.parley.shared;

import java.util.Locale;

/**
 * Colours as {@code #rrggbb} and text that stays legible on them, by WCAG relative luminance: tag chips, the help
 * center's header and links.
 */
public final class Colours {

    /** Dark text for light colours. */
    public static final String DARK_TEXT = "#111827";
    private static final double LIGHT = 0.179; // above it, dark text contrasts more than white

    private Colours() {
    }

    /** {@code #rgb} or {@code #rrggbb} in any case as {@code #rrggbb} in lower case; null when it is neither. */
    public static String hex(String colour) {
        String value = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (value.matches("#[0-9a-f]{3}")) {
            value = "#" + value.charAt(1) + value.charAt(1) + value.charAt(2) + value.charAt(2) + value.charAt(3)
                    + value.charAt(3);
        }
        return value.matches("#[0-9a-f]{6}") ? value : null;
    }

    /** Dark text or white, whichever contrasts more with the {@code #rrggbb} colour. */
    public static String textOn(String colour) {
        return isLight(colour) ? DARK_TEXT : "#ffffff";
    }

    public static boolean isLight(String colour) {
        return luminance(colour) > LIGHT;
    }

    /** The colour itself when text in it reads well on white, else the same hue darkened until it does. */
    public static String readableOnWhite(String colour) {
        String shade = colour;
        for (int tenths = 9; isLight(shade) && tenths >= 0; tenths--) {
            shade = scaled(colour, tenths / 10.0);
        }
        return shade;
    }

    /** WCAG relative luminance of a {@code #rrggbb} colour, 0 (black) to 1 (white). */
    public static double luminance(String colour) {
        return 0.2126 * channel(colour, 1) + 0.7152 * channel(colour, 3) + 0.0722 * channel(colour, 5);
    }

    private static String scaled(String colour, double factor) {
        StringBuilder out = new StringBuilder("#");
        for (int at = 1; at < 7; at += 2) {
            out.append(String.format(Locale.ROOT, "%02x",
                    (int) Math.round(Integer.parseInt(colour.substring(at, at + 2), 16) * factor)));
        }
        return out.toString();
    }

    private static double channel(String colour, int at) {
        double c = Integer.parseInt(colour.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
