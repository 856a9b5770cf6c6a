package dev.parley.assistant.passage;

import java.util.List;

/**
 * Consecutive units of an article, written back as Markdown: a paragraph's sentences on one line, list items
 * one per line, blocks separated by a blank line.
 *
 * @param whole true when the passage is the whole article
 */
public record Passage(List<ArticleUnit> units, boolean whole) {

    public Passage {
        units = List.copyOf(units);
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    public String markdown() {
        StringBuilder text = new StringBuilder();
        ArticleUnit previous = null;
        for (ArticleUnit unit : units) {
            if (previous != null) {
                boolean sameBlock = previous.block() == unit.block();
                text.append(!sameBlock ? "\n\n" : unit.item() ? "\n" : " ");
            }
            text.append(unit.item() ? unit.marker() + " " : "").append(unit.markdown());
            previous = unit;
        }
        return text.toString();
    }

    /** The passage without markup, one line. */
    public String plain() {
        return String.join(" ", units.stream().map(ArticleUnit::plain).toList());
    }

    public int length() {
        return markdown().length();
    }
}
