package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV parser: comma-separated fields (or another separator), double quotes around fields that hold the
 * separator, quotes or line breaks, and {@code ""} for a quote inside them. Accepts CRLF or LF line ends.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /** One record and the line it starts on (1-based). */
    record CsvRecord(int line, List<String> fields) {
    }

    static List<CsvRecord> parse(String file, String text) {
        return parse(file, text, ',');
    }

    /** The records, fields separated by {@code delimiter} instead of a comma (a semicolon, a tab). */
    static List<CsvRecord> parse(String file, String text, char delimiter) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessEmpty(records, recordLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (afterQuote || c == '"') {
                throw new ImportFailed(file, line, "a quote must open and close a whole field; write \"\" for a quote inside a quoted field");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ImportFailed(file, recordLine, "a quoted field is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessEmpty(records, recordLine, fields);
        }
        return records;
    }

    private static void addUnlessEmpty(List<CsvRecord> records, int line, List<String> fields) {
        if (!(fields.size() == 1 && fields.getFirst().isEmpty())) {
            records.add(new CsvRecord(line, List.copyOf(fields)));
        }
    }
}
