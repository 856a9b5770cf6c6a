package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The lines a PDF repeats at the top or bottom of its pages (page numbers, running heads such as "Chapter 4: Function
 * reference 9", footers), which are not part of any section and would otherwise land in the middle of articles and
 * answers. A line counts when it is among the first or last {@value #EDGE} lines of its page and is either a page
 * number alone ("7", "- 7 -", "vii") or, its numbers aside, on the edge of at least {@value #REPEATED} pages (a
 * chapter's running head repeats on that chapter's pages only).
 */
final class PageFurniture {

    private static final int EDGE = 2;
    private static final int REPEATED = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-–—\\s]*(#|(?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3}))[-–—\\s]*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private PageFurniture() {
    }

    /** Each page's lines without its furniture; {@code text} gives a line's text. */
    static <T> List<List<T>> strip(List<List<T>> pages, Function<T, String> text) {
        Map<String, Integer> pagesWith = new HashMap<>();
        for (List<T> page : pages) {
            Set<String> seen = new HashSet<>();
            for (int i : edge(page, text)) {
                String key = key(text.apply(page.get(i)));
                if (seen.add(key)) {
                    pagesWith.merge(key, 1, Integer::sum);
                }
            }
        }
        List<List<T>> kept = new ArrayList<>();
        for (List<T> page : pages) {
            Set<Integer> drop = new HashSet<>();
            for (int i : edge(page, text)) {
                String key = key(text.apply(page.get(i)));
                if (PAGE_NUMBER.matcher(key).matches() || pagesWith.getOrDefault(key, 0) >= REPEATED) {
                    drop.add(i);
                }
            }
            List<T> lines = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                if (!drop.contains(i)) {
                    lines.add(page.get(i));
                }
            }
            kept.add(lines);
        }
        return kept;
    }

    /** Indexes of the page's first and last non-blank lines. */
    private static <T> Set<Integer> edge(List<T> page, Function<T, String> text) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (!text.apply(page.get(i)).isBlank()) {
                filled.add(i);
            }
        }
        Set<Integer> edge = new HashSet<>(filled.subList(0, Math.min(EDGE, filled.size())));
        edge.addAll(filled.subList(Math.max(0, filled.size() - EDGE), filled.size()));
        return edge;
    }

    private static String key(String line) {
        return DIGITS.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ");
    }
}
