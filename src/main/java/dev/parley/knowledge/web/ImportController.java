package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.Articles.ImportOutcome;
import dev.parley.knowledge.internal.ImportFormat;
import dev.parley.knowledge.internal.ImportSource;
import dev.parley.knowledge.internal.KnowledgeImports;
import dev.parley.shared.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports articles from files: multipart ({@code file} parts, several for Markdown) or a raw body, with
 * {@code format} = auto (the default: by file name), jsonl, markdown, csv, html, pdf, docx or text. A broken file
 * answers 400 naming the file (and the line, where there is one) and imports nothing.
 */
@RestController
@RequestMapping("/api/v1/knowledge/imports")
class ImportController {

    private final KnowledgeImports imports;

    ImportController(KnowledgeImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportOutcome upload(@RequestParam(defaultValue = "auto") String format, @RequestParam("file") List<MultipartFile> files)
            throws IOException {
        List<ImportSource> sources = new ArrayList<>();
        for (MultipartFile file : files) {
            sources.add(new ImportSource(file.getOriginalFilename(), file.getBytes()));
        }
        return imports.importFiles(ImportFormat.parse(format), sources);
    }

    @PostMapping
    ImportOutcome raw(@RequestParam(defaultValue = "auto") String format, @RequestParam(required = false) String name,
            @RequestBody byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("The request body is empty");
        }
        ImportFormat f = ImportFormat.parse(format);
        String fileName = name != null ? name : "upload." + f.name().toLowerCase(java.util.Locale.ROOT);
        return imports.importFiles(f, List.of(new ImportSource(fileName, body)));
    }
}
