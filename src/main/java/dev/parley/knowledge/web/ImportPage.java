package dev.parley.knowledge.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The upload page; the browser posts the files to {@link ImportController} and shows its report. */
@Controller
class ImportPage {

    @GetMapping("/knowledge/import")
    String page() {
        return "knowledge/import";
    }
}
