package dev.parley.assistant.passage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's Markdown body as sentences and list items: hard-wrapped lines are joined, headings, rules and
 * code fences dropped, and a table's rows become items a chat can show ("Card: 3–5 days" for two columns, "Standard, Cost: $4.95,
 * Time: 3-5 days" for more).
 */
public final class ArticleText {

    private static final Pattern ITEM = Pattern.compile("^\\s*([-*+]|\\d{1,3}[.)])\\s+(.*)$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}(\\s.*)?$");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_]\\s*){3,}$|^\\s*```.*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…]|[.!?…][\"”)])\\s+(?=[^\\s\\p{Ll}])");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(\\b\\p{L}|\\bmr|\\bmrs|\\bms|\\bdr|\\bst|\\bno|\\bvs|\\betc|\\bapprox|\\be\\.g|\\bi\\.e)\\.$");

    private ArticleText() {
    }

    public static List<ArticleUnit> units(String markdown) {
        List<ArticleUnit> units = new ArrayList<>();
        List<String> table = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        String marker = null;
        String heading = null;
        int block = 0;
        for (String line : (markdown == null ? "" : markdown).split("\\R")) {
            String text = line.strip();
            boolean tableLine = text.startsWith("|");
            if (!table.isEmpty() && !tableLine) {
                block = flushTable(table, units, block, heading);
            }
            Matcher item = ITEM.matcher(line);
            if (text.isEmpty() || HEADING.matcher(line).matches() || RULE.matcher(line).matches() || tableLine
                    || item.matches()) {
                block = flush(paragraph, marker, units, block, item.matches() && marker != null, heading);
                marker = null;
                if (HEADING.matcher(line).matches()) {
                    heading = Inline.clean(text.replaceFirst("^#+", ""));
                } else if (tableLine) {
                    table.add(text);
                } else if (item.matches()) {
                    marker = item.group(1).matches("\\d.*") ? item.group(1).replace(')', '.') : "-";
                    paragraph.append(item.group(2).strip());
                }
                continue;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(text.startsWith(">") ? text.substring(1).strip() : text);
        }
        block = flush(paragraph, marker, units, block, false, heading);
        flushTable(table, units, block, heading);
        return units;
    }

    /** Ends a paragraph or an item; an item followed by another item stays in the same block (one list). */
    private static int flush(StringBuilder text, String marker, List<ArticleUnit> units, int block, boolean nextItem,
            String heading) {
        if (!text.isEmpty()) {
            String clean = Inline.clean(text.toString());
            text.setLength(0);
            if (marker != null) {
                units.add(new ArticleUnit(block, marker, clean, heading));
                return nextItem ? block : block + 1;
            }
            sentences(clean).forEach(sentence -> units.add(new ArticleUnit(block, null, sentence, heading)));
            return block + 1;
        }
        return block;
    }

    private static int flushTable(List<String> rows, List<ArticleUnit> units, int block, String heading) {
        List<String> header = rows.isEmpty() ? List.of() : cells(rows.getFirst());
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (TABLE_SEPARATOR.matcher(row).matches()) {
                continue;
            }
            List<String> cells = cells(row);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).isEmpty()) {
                    continue;
                }
                String name = i < header.size() ? header.get(i) : "";
                parts.add(i == 0 || name.isEmpty() || header.size() == 2 ? cells.get(i) : name + ": " + cells.get(i));
            }
            if (!parts.isEmpty()) {
                String joined = header.size() == 2 ? String.join(": ", parts) : String.join(", ", parts);
                units.add(new ArticleUnit(block, "-", Inline.clean(joined), heading));
            }
        }
        rows.clear();
        return block + 1;
    }

    private static List<String> cells(String row) {
        String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return List.of(inner.split("(?<!\\\\)\\|", -1)).stream().map(String::strip).toList();
    }

    /** Splits at sentence ends followed by something that starts a sentence, not after "e.g." or "U.S.". */
    static List<String> sentences(String paragraph) {
        List<String> sentences = new ArrayList<>();
        for (String piece : SENTENCE_END.split(paragraph)) {
            if (!sentences.isEmpty() && ABBREVIATION.matcher(sentences.getLast()).find()) {
                sentences.set(sentences.size() - 1, sentences.getLast() + " " + piece);
            } else if (!piece.isBlank()) {
                sentences.add(piece.strip());
            }
        }
        return sentences;
    }
}
