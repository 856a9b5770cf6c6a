package dev.parley.learning.internal;

import static dev.parley.shared.CleanText.cut;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeHit;
import dev.parley.shared.CleanText;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * When a person resolves a conversation, the customer's question they answered becomes a proposal: an example
 * question of the article the agent's answer came from (a link to it in the reply, or the article both the reply
 * and the question find), else a new article drafted from the agent's own words. Nothing is proposed when no
 * person answered, the question has no words, or the article already knows the question.
 */
@Component
class ResolutionLearner {

    static final int MAX_QUESTION = 500;
    private static final Pattern ARTICLE_LINK = Pattern.compile("/help/articles/([A-Za-z0-9._~%-]+)");

    private final Conversations conversations;
    private final KnowledgeBase knowledge;
    private final ProposalRepository proposals;
    private final Clock clock;

    ResolutionLearner(Conversations conversations, KnowledgeBase knowledge, ProposalRepository proposals, Clock clock) {
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.proposals = proposals;
        this.clock = clock;
    }

    /** Only a resolution by a person can teach anything; other changes get no publication (ADR 0022). */
    @ApplicationModuleListener(condition = "#event.to().name() == 'RESOLVED'")
    void on(ConversationStatusChanged event) {
        if (event.to() != ConversationStatus.RESOLVED) {
            return;
        }
        List<Message> transcript = conversations.transcript(event.conversationId(), 0, 500);
        Optional<Message> answer = transcript.stream()
                .filter(m -> m.authorType() == AuthorType.AGENT && !m.internal() && CleanText.hasWords(m.text()))
                .findFirst();
        if (answer.isEmpty()) {
            return;
        }
        Optional<Message> question = transcript.stream()
                .filter(m -> m.authorType() == AuthorType.CUSTOMER && m.seq() < answer.get().seq())
                .filter(m -> CleanText.hasWords(m.text()))
                .reduce((first, second) -> second);
        if (question.isEmpty()) {
            return;
        }
        String asked = cut(question.get().text().strip(), MAX_QUESTION);
        String replied = answer.get().text().strip();
        Optional<KnowledgeArticle> article = answeringArticle(asked, replied);
        if (article.isPresent() && knows(article.get(), asked)) {
            return;
        }
        Proposal proposal = article
                .map(a -> new Proposal(UUID.randomUUID(), Proposal.Kind.EXAMPLE, Proposal.State.OPEN,
                        event.conversationId(), question.get().id(), asked, replied, a.id(), a.title(), null, null,
                        answer.get().authorId(), clock.instant()))
                .orElseGet(() -> new Proposal(UUID.randomUUID(), Proposal.Kind.ARTICLE, Proposal.State.OPEN,
                        event.conversationId(), question.get().id(), asked, replied, null, null, null, null,
                        answer.get().authorId(), clock.instant()));
        proposals.insert(proposal);
    }

    /** The article the agent linked to, else the best match of the reply that the question also finds. */
    Optional<KnowledgeArticle> answeringArticle(String question, String reply) {
        Matcher link = ARTICLE_LINK.matcher(reply);
        while (link.find()) {
            String id = java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);
            Optional<KnowledgeArticle> linked = knowledge.article(id);
            if (linked.isPresent()) {
                return linked;
            }
        }
        List<KnowledgeHit> byReply = knowledge.search(reply, 1);
        if (byReply.isEmpty()) {
            return Optional.empty();
        }
        String best = byReply.getFirst().articleId();
        boolean questionFindsIt = knowledge.search(question, 3).stream().anyMatch(h -> h.articleId().equals(best));
        return questionFindsIt ? knowledge.article(best) : Optional.empty();
    }

    private static boolean knows(KnowledgeArticle article, String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return article.examples().stream().anyMatch(e -> e.strip().toLowerCase(Locale.ROOT).equals(q));
    }
}
