package dev.parley.knowledge.internal;

import dev.parley.knowledge.KnowledgeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Content loaded at start: the files named in {@code parley.knowledge.import-on-start} (each
 * {@code format:path}; a Markdown path may be a folder), then, if the knowledge base is still empty and
 * {@code parley.knowledge.demo-content} is on, the Northwind Outfitters demo articles.
 * A broken import file stops the start with its error, so it is not silently skipped.
 */
@Component
class StartupContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupContent.class);
    static final String DEMO = "classpath:demo/knowledge/*.md";

    private final KnowledgeImports imports;
    private final Articles articles;
    private final KnowledgeSettings settings;

    StartupContent(KnowledgeImports imports, Articles articles, KnowledgeSettings settings) {
        this.imports = imports;
        this.articles = articles;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (String entry : settings.importOnStart()) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("parley.knowledge.import-on-start entries look like 'jsonl:/path/kb.jsonl', not '" + entry + "'");
            }
            ImportFormat format = ImportFormat.parse(entry.substring(0, colon));
            Path path = Path.of(entry.substring(colon + 1).strip());
            log.info("Importing {} ({}) as configured in parley.knowledge.import-on-start", path, format);
            imports.importFiles(format, local(path, format));
        }
        if (settings.demoContent() && articles.empty()) {
            List<ImportSource> demo = new ArrayList<>();
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(DEMO);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                demo.add(new ImportSource(file.getFilename(), file.getContentAsByteArray()));
            }
            if (!demo.isEmpty()) {
                log.info("The knowledge base is empty: loading {} Northwind Outfitters demo articles", demo.size());
                try {
                    imports.importFiles(ImportFormat.MARKDOWN, demo);
                } catch (DataIntegrityViolationException e) {
                    // nodes starting together on an empty database: another one stored the same articles first
                    log.info("Another node loaded the demo articles");
                }
            }
        }
    }

    /** The file, or a folder's files: its Markdown files for format markdown, every visible file otherwise. */
    static List<ImportSource> local(Path path, ImportFormat format) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(new ImportSource(path.getFileName().toString(), Files.readAllBytes(path)));
        }
        try (Stream<Path> files = Files.list(path)) {
            String pattern = format == ImportFormat.MARKDOWN ? "(?i).*\\.(md|markdown)$" : "[^.].*";
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(pattern)).sorted()
                    .map(p -> {
                        try {
                            return new ImportSource(p.getFileName().toString(), Files.readAllBytes(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
