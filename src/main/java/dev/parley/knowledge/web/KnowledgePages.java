package dev.parley.knowledge.web;

import dev.parley.knowledge.ArticleStats;
import dev.parley.knowledge.GeneratedQuestions;
import dev.parley.knowledge.KnowledgeSettings;
import dev.parley.knowledge.internal.Article;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import dev.parley.shared.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Knowledge-base management for supervisors and admins: the article list, the editor and deletion.
 * Articles are addressed by a query parameter because imported ids may hold characters a path may not.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgePages {

    static final int PAGE_SIZE = 20;

    private final Articles articles;
    private final GeneratedQuestions generatedQuestions;
    private final ObjectProvider<ArticleStats> stats;
    private final KnowledgeSettings settings;

    KnowledgePages(Articles articles, ObjectProvider<ArticleStats> stats, KnowledgeSettings settings,
            GeneratedQuestions generatedQuestions) {
        this.generatedQuestions = generatedQuestions;
        this.articles = articles;
        this.stats = stats;
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0) {
            throw ApiException.badRequest("page must be 0 or more");
        }
        Articles.ArticlePage result = articles.list(q, ArticleRequest.status(status), page, PAGE_SIZE);
        ArticleStats articleStats = stats.getIfAvailable();
        model.addAttribute("rows", result.items().stream().map(a -> ArticleRow.of(a, articleStats)).toList());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status == null ? "" : status.toUpperCase(Locale.ROOT));
        model.addAttribute("page", page);
        model.addAttribute("total", result.total());
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "knowledge/list";
    }

    @GetMapping("/new")
    String newArticle(@RequestParam(required = false) String title,
            @RequestParam(name = "example", required = false) List<String> examples,
            @RequestParam(required = false) String body, Model model) {
        ArticleForm form = title == null && examples == null && body == null ? ArticleForm.blank()
                : ArticleForm.fromQuestion(title, examples, body);
        return editor(model, null, form, Map.of(), null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute ArticleForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return editor(model, null, form, errors, null);
        }
        try {
            Article created = articles.create(form.toDraft(null));
            redirect.addFlashAttribute("notice", "Created \u201c" + created.title() + "\u201d");
            return "redirect:" + editUrl(created.id());
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return editor(model, null, form, Map.of(), e.getMessage());
        }
    }

    @GetMapping("/edit")
    String edit(@RequestParam String id, Model model) {
        return editor(model, id, ArticleForm.of(find(id)), Map.of(), null);
    }

    @PostMapping("/edit")
    String update(@RequestParam String id, @ModelAttribute ArticleForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return editor(model, id, form, errors, null);
        }
        try {
            Article saved = articles.update(id, form.toDraft(id));
            redirect.addFlashAttribute("notice", "Saved \u201c" + saved.title() + "\u201d"
                    + (saved.published() ? " (published)" : " (draft)"));
            return "redirect:" + editUrl(id);
        } catch (ApiException e) {
            // e.g. deleted meanwhile: keep what was typed on screen
            response.setStatus(e.status().value());
            return editor(model, id, form, Map.of(), e.getMessage());
        }
    }

    /** Publishes or unpublishes without opening the editor. */
    @PostMapping("/status")
    String changeStatus(@RequestParam String id, @RequestParam String status, RedirectAttributes redirect) {
        ArticleStatus target = ArticleRequest.status(status);
        if (target == null) {
            throw ApiException.badRequest("status must be 'draft' or 'published'");
        }
        Article article = find(id);
        articles.update(id, ArticleForm.of(article).withStatus(target).toDraft(id));
        redirect.addFlashAttribute("notice", (target == ArticleStatus.PUBLISHED ? "Published \u201c"
                : "Moved to drafts \u201c") + article.title() + "\u201d");
        return "redirect:/knowledge";
    }

    /** Removes one question the model wrote for an article. */
    @PostMapping("/generated/remove")
    String removeGenerated(@RequestParam String id, @RequestParam String question, RedirectAttributes redirect) {
        generatedQuestions.remove(id, question);
        redirect.addFlashAttribute("notice", "Removed \u201c" + question + "\u201d");
        return "redirect:" + editUrl(id);
    }

    @GetMapping("/delete")
    String confirmDelete(@RequestParam String id, Model model) {
        model.addAttribute("article", find(id));
        return "knowledge/delete";
    }

    @PostMapping("/delete")
    String delete(@RequestParam String id, RedirectAttributes redirect) {
        Article article = find(id);
        articles.delete(id);
        redirect.addFlashAttribute("notice", "Deleted \u201c" + article.title() + "\u201d");
        return "redirect:/knowledge";
    }

    private String editor(Model model, String id, ArticleForm form, Map<String, String> errors, String formError) {
        model.addAttribute("id", id);
        model.addAttribute("pageTitle", id == null ? "New article" : "Edit article");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("defaultLocale", settings.defaultLocale());
        Article article = id == null ? null : articles.find(id).orElse(null);
        model.addAttribute("source", article == null ? null : article.source());
        model.addAttribute("generated", article == null ? List.of() : article.generated());
        model.addAttribute("generationFailure", article == null ? null
                : generatedQuestions.failure(id).map(GenerationFailureView::of).orElse(null));
        return "knowledge/edit";
    }

    private Article find(String id) {
        return articles.find(id).orElseThrow(() -> ApiException.notFound("Article " + id));
    }

    static String editUrl(String id) {
        return UriComponentsBuilder.fromPath("/knowledge/edit").queryParam("id", "{id}").encode()
                .buildAndExpand(id).toUriString();
    }

    /** Why the model wrote no questions for an article yet, for the editor (times in UTC). */
    record GenerationFailureView(int attempts, String reason, String lastFailedAt, String nextTryAt) {

        private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC);

        static GenerationFailureView of(GeneratedQuestions.FailedGeneration f) {
            return new GenerationFailureView(f.attempts(), f.reason(), UTC.format(f.lastFailedAt()),
                    UTC.format(f.nextTryAt()));
        }
    }
}
