package dev.parley.knowledge.web;

import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeHit;
import dev.parley.shared.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hybrid search the assistant uses, for admins to see what a question finds and how it scores. */
@RestController
class SearchController {

    private final KnowledgeBase knowledge;

    SearchController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/api/v1/knowledge/search")
    List<KnowledgeHit> search(@RequestParam String q, @RequestParam(defaultValue = "5") int limit) {
        if (q.isBlank() || q.length() > 2000 || limit < 1 || limit > 50) {
            throw ApiException.badRequest("q must be 1-2000 characters and limit 1-50");
        }
        return knowledge.search(q, limit);
    }
}
