package dev.parley.workspace.web;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import dev.parley.knowledge.ExampleQuestions;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.shared.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Teach the assistant" on the conversation page: the agent picks one of the customer's questions, edits out
 * personal details, and attaches it to the article that answers it (suggested by a knowledge search), so the
 * assistant answers that phrasing itself next time.
 */
@Controller
@RequestMapping("/inbox/conversations/{id}/teach")
class TeachController {

    static final int SUGGESTIONS = 5;
    private static final int QUESTIONS = 50;

    private final Conversations conversations;
    private final KnowledgeBase knowledge;
    private final ExampleQuestions examples;

    TeachController(Conversations conversations, KnowledgeBase knowledge, ExampleQuestions examples) {
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.examples = examples;
    }

    /** The form for one question ({@code seq}, else the latest), with the articles a search suggests for it. */
    @GetMapping
    String form(@PathVariable UUID id, @RequestParam(required = false) Long seq, Model model) {
        conversations.get(id);
        List<Message> questions = customerQuestions(id);
        Message chosen = seq == null ? (questions.isEmpty() ? null : questions.getFirst())
                : questions.stream().filter(m -> m.seq() == seq).findFirst()
                        .orElseThrow(() -> ApiException.notFound("Customer message " + seq + " in conversation " + id));
        model.addAttribute("conversationId", id);
        model.addAttribute("questions", questions);
        model.addAttribute("chosen", chosen);
        model.addAttribute("suggestions", knowledge.search(chosen == null ? null : chosen.text(), SUGGESTIONS));
        return "inbox/teach :: teach";
    }

    /** Only the suggested articles, for another search text (the agent's edits to the question stay). */
    @GetMapping("/articles")
    String articles(@PathVariable UUID id, @RequestParam(required = false) String find, Model model) {
        conversations.get(id);
        model.addAttribute("suggestions", knowledge.search(find, SUGGESTIONS));
        return "inbox/teach :: articles";
    }

    @PostMapping
    String add(@PathVariable UUID id, @RequestParam(required = false) String articleId,
            @RequestParam(required = false) String question, Model model, HttpServletResponse response) {
        conversations.get(id);
        try {
            if (articleId == null || articleId.isBlank()) {
                throw ApiException.badRequest("Choose the article that answers the question");
            }
            KnowledgeArticle article = examples.add(articleId, question);
            model.addAttribute("article", article);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
        }
        return "inbox/teach :: result";
    }

    /** What the customer wrote, latest first (internal notes and other authors left out). */
    private List<Message> customerQuestions(UUID id) {
        return conversations.transcript(id, 0, 1000).stream()
                .filter(m -> m.authorType() == AuthorType.CUSTOMER && !m.internal())
                .toList().reversed().stream().limit(QUESTIONS).toList();
    }
}
