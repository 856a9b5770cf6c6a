package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.Articles.ImportOutcome;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports files: reads and validates every article first, then stores them all in one transaction, so a
 * broken file imports nothing. Known ids are updated, so importing a file twice is harmless.
 */
@Service
public class KnowledgeImports {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImports.class);

    private final Articles articles;

    KnowledgeImports(Articles articles) {
        this.articles = articles;
    }

    /** One file's articles; documents (HTML, PDF, Word, text) become one article per section. */
    private static List<ArticleDraft> read(ImportFormat format, ImportSource source) {
        return switch (format) {
            case JSONL -> JsonlArticles.read(source);
            case CSV -> CsvArticles.read(source);
            case MARKDOWN -> MarkdownArticles.read(List.of(source));
            case HTML -> DocumentSections.of(source.name(), HtmlDocuments.read(source));
            case PDF -> DocumentSections.of(source.name(), PdfDocuments.read(source));
            case DOCX -> DocumentSections.of(source.name(), DocxDocuments.read(source));
            case TEXT -> DocumentSections.of(source.name(), TextDocuments.read(source));
            case AUTO -> read(ImportFormat.of(source), source);
        };
    }

    public ImportOutcome importFiles(ImportFormat format, List<ImportSource> sources) {
        if (sources.isEmpty()) {
            throw new ImportFailed(null, 0, "no file was sent");
        }
        long started = System.nanoTime();
        List<ArticleDraft> drafts = format == ImportFormat.MARKDOWN ? MarkdownArticles.read(sources)
                : sources.stream().flatMap(s -> read(format == ImportFormat.AUTO ? ImportFormat.of(s) : format, s).stream())
                        .toList();
        if (drafts.isEmpty()) {
            throw new ImportFailed(sources.getFirst().name(), 0, "the file holds no articles");
        }
        long distinct = drafts.stream().map(ArticleDraft::id).distinct().count();
        if (distinct != drafts.size()) {
            throw new ImportFailed(null, 0, "the same article id appears in more than one file");
        }
        log.info("Importing {} articles ({} format) into the knowledge base", drafts.size(), format);
        ImportOutcome outcome = articles.importAll(drafts);
        log.info("Imported {} articles ({} new, {} updated, {} examples) in {} ms; indexing in the background",
                drafts.size(), outcome.created(), outcome.updated(), outcome.examples(),
                (System.nanoTime() - started) / 1_000_000);
        return outcome;
    }
}
