package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.CsvRecords.CsvRecord;
import dev.parley.shared.Secrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV of {@code question,answer} pairs: each row becomes a published article titled by the question,
 * answered by the answer, with the question as its first example. The id is derived from the question, so
 * importing the same file again updates the same articles. Fields are separated by commas, or, when that does not
 * give every row two fields, by semicolons or tabs where those do (spreadsheet programs in many languages write
 * semicolons).
 */
final class CsvArticles {

    private CsvArticles() {
    }

    static List<ArticleDraft> read(ImportSource source) {
        String text = source.text();
        List<CsvRecord> records = parsed(source.name(), text, ',');
        if (records.isEmpty() || !pairs(records)) {
            for (char other : new char[] {';', '\t'}) {
                List<CsvRecord> split = parsed(source.name(), text, other);
                if (!split.isEmpty() && pairs(split)) {
                    records = split;
                    break;
                }
            }
        }
        if (records.isEmpty() || !pairs(records)) {
            records = CsvRecords.parse(source.name(), text); // the comma's problem is the one to report
        }
        List<ArticleDraft> drafts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        ImportProgress progress = new ImportProgress("Reading " + source.name(), records.size());
        for (int r = 0; r < records.size(); r++) {
            progress.at(r + 1);
            CsvRecord record = records.get(r);
            if (r == 0 && header(record)) {
                continue;
            }
            if (record.fields().size() != 2) {
                throw new ImportFailed(source.name(), record.line(),
                        "expected 2 fields (question,answer) but found " + record.fields().size());
            }
            String question = record.fields().get(0).strip();
            String answer = record.fields().get(1).strip();
            if (question.isEmpty() || answer.isEmpty()) {
                throw new ImportFailed(source.name(), record.line(), "question and answer must not be empty");
            }
            ArticleDraft draft = new ArticleDraft(idOf(question), question, answer, null, List.of(), null,
                    ArticleStatus.PUBLISHED, List.of(question));
            ArticleRules.check(draft).ifPresent(problem -> {
                throw new ImportFailed(source.name(), record.line(), problem);
            });
            Integer earlier = seen.putIfAbsent(draft.id(), record.line());
            if (earlier != null) {
                throw new ImportFailed(source.name(), record.line(), "the same question is already on line " + earlier);
            }
            drafts.add(draft);
        }
        return drafts;
    }

    private static boolean pairs(List<CsvRecord> records) {
        return records.stream().allMatch(r -> r.fields().size() == 2);
    }

    /** The records with this separator, or none when the text does not parse with it. */
    private static List<CsvRecord> parsed(String file, String text, char delimiter) {
        try {
            return CsvRecords.parse(file, text, delimiter);
        } catch (ImportFailed e) {
            return List.of();
        }
    }

    static String idOf(String question) {
        String slug = ArticleRules.slug(question);
        String hash = Secrets.sha256Hex(question.toLowerCase(Locale.ROOT)).substring(0, 8);
        return (slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug) + "-" + hash;
    }

    private static boolean header(CsvRecord record) {
        return record.fields().size() == 2
                && record.fields().get(0).strip().equalsIgnoreCase("question")
                && record.fields().get(1).strip().equalsIgnoreCase("answer");
    }
}
