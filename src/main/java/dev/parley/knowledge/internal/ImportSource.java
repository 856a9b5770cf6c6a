package dev.parley.knowledge.internal;

import java.nio.charset.StandardCharsets;

/** One uploaded or local file to import: its name (for error messages and Markdown ids) and its bytes. */
public record ImportSource(String name, byte[] content) {

    public String text() {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
