package dev.parley.learning.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.learning.AnswerFlagCounts;
import dev.parley.learning.FlagReason;
import dev.parley.learning.internal.LearningQueue;
import dev.parley.learning.internal.Proposal;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The learning queue for supervisors (under /knowledge): customers' questions proposed as example questions, new
 * articles drafted from agents' answers, and flags on AI answers, each with its conversation linked.
 */
@Controller
@RequestMapping("/knowledge/learning")
class LearningPages {

    static final int PAGE = 100;
    static final int FLAG_DAYS = 30;

    private final LearningQueue queue;
    private final AnswerFlagCounts flags;
    private final KnowledgeBase knowledge;
    private final Clock clock;

    LearningPages(LearningQueue queue, AnswerFlagCounts flags, KnowledgeBase knowledge, Clock clock) {
        this.queue = queue;
        this.flags = flags;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        List<Proposal> open = queue.open(PAGE);
        Instant now = clock.instant();
        model.addAttribute("proposals", open);
        model.addAttribute("total", queue.openCount());
        model.addAttribute("suggestions", open.stream().filter(p -> p.kind() == Proposal.Kind.ARTICLE)
                .collect(java.util.stream.Collectors.toMap(Proposal::id, p -> knowledge.search(p.question(), 3))));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        model.addAttribute("flags", flags.between(today.minusDays(FLAG_DAYS - 1), today));
        model.addAttribute("reasons", FlagReason.values());
        return "learning/queue";
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable UUID id, @RequestParam(defaultValue = "") String question,
            @RequestParam(required = false) String articleId, @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            KnowledgeArticle article = queue.acceptExample(id, question, articleId, me.id());
            redirect.addFlashAttribute("notice", "Added the question to \u201c" + article.title()
                    + "\u201d; the assistant retrains in the background.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge/learning";
    }

    /** A new article: the editor opens filled with the question (title and example) and the agent's answer. */
    @PostMapping("/{id}/draft")
    String draft(@PathVariable UUID id, @AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        try {
            Proposal proposal = queue.acceptArticle(id, me.id());
            return "redirect:" + UriComponentsBuilder.fromPath("/knowledge/new")
                    .queryParam("title", proposal.question()).queryParam("example", proposal.question())
                    .queryParam("body", proposal.answer()).encode().build().toUriString();
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/knowledge/learning";
        }
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean handled,
            @AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        try {
            queue.close(id, handled, me.id());
            redirect.addFlashAttribute("notice", handled ? "Marked as dealt with." : "Dismissed.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge/learning";
    }
}
