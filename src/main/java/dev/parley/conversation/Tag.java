package dev.parley.conversation;

import dev.parley.shared.Colours;
import java.util.UUID;

/** A label from the workspace's tag catalogue, shown as a chip in its colour ({@code #rrggbb}). */
public record Tag(UUID id, String name, String colour) {

    /** Dark or light text, whichever reads better on the chip's colour (WCAG relative luminance). */
    public String textColour() {
        return Colours.textOn(colour);
    }
}
