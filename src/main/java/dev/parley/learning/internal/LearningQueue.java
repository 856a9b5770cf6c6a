package dev.parley.learning.internal;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.ExampleQuestions;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.learning.FlagReason;
import dev.parley.shared.ApiException;
import dev.parley.shared.CleanText;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supervisors' review queue: accept (with edits) or dismiss proposals, and agents' flags on AI answers. */
@Service
public class LearningQueue {

    static final int MAX_NOTE = 1000;

    private final ProposalRepository proposals;
    private final ExampleQuestions examples;
    private final Conversations conversations;
    private final Clock clock;

    LearningQueue(ProposalRepository proposals, ExampleQuestions examples, Conversations conversations, Clock clock) {
        this.proposals = proposals;
        this.examples = examples;
        this.conversations = conversations;
        this.clock = clock;
    }

    public List<Proposal> open(int limit) {
        return proposals.open(limit);
    }

    public long openCount() {
        return proposals.countOpen();
    }

    public Proposal get(UUID id) {
        return proposals.find(id).orElseThrow(() -> ApiException.notFound("No proposal " + id));
    }

    /**
     * Accepts an example question, as edited by the supervisor (personal details taken out), for the article it was
     * proposed for or another one: the assistant retrains in the background.
     */
    @Transactional
    public KnowledgeArticle acceptExample(UUID id, String question, String articleId, UUID by) {
        Proposal proposal = open(id, Proposal.Kind.EXAMPLE, Proposal.Kind.ARTICLE);
        String target = articleId == null || articleId.isBlank() ? proposal.articleId() : articleId.strip();
        if (target == null) {
            throw ApiException.badRequest("Choose the article that answers the question");
        }
        KnowledgeArticle article = examples.add(target, question);
        decide(proposal, Proposal.State.ACCEPTED, by);
        return article;
    }

    /** Accepts a proposed new article: the supervisor continues in the article editor, filled from the proposal. */
    @Transactional
    public Proposal acceptArticle(UUID id, UUID by) {
        Proposal proposal = open(id, Proposal.Kind.ARTICLE);
        decide(proposal, Proposal.State.ACCEPTED, by);
        return proposal;
    }

    /** Dismisses a proposal, or marks a flag as dealt with ({@code handled}). */
    @Transactional
    public void close(UUID id, boolean handled, UUID by) {
        Proposal proposal = open(id, Proposal.Kind.values());
        decide(proposal, handled ? Proposal.State.ACCEPTED : Proposal.State.DISMISSED, by);
    }

    /** An agent flags one of the assistant's answers in a conversation; flagging it again changes nothing. */
    @Transactional
    public Proposal flag(UUID conversationId, UUID messageId, FlagReason reason, String note, UUID by) {
        if (reason == null) {
            throw ApiException.badRequest("Say why the answer is flagged: WRONG, OUTDATED, INCOMPLETE or INAPPROPRIATE");
        }
        List<Message> transcript = conversations.transcript(conversationId, 0, 1000);
        Message answer = transcript.stream()
                .filter(m -> m.id().equals(messageId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No message " + messageId + " in conversation " + conversationId));
        if (answer.authorType() != AuthorType.ASSISTANT || answer.internal()) {
            throw ApiException.badRequest("Only the assistant's answers can be flagged");
        }
        String cleanNote = note == null || !CleanText.hasWords(note) ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw ApiException.badRequest("The note is at most " + MAX_NOTE + " characters");
        }
        String question = transcript.stream()
                .filter(m -> m.authorType() == AuthorType.CUSTOMER && m.seq() < answer.seq())
                .reduce((first, second) -> second).map(Message::text).orElse(null);
        SourceRef source = answer.sources().isEmpty() ? null : answer.sources().getFirst();
        Proposal flag = new Proposal(UUID.randomUUID(), Proposal.Kind.FLAG, Proposal.State.OPEN, conversationId,
                messageId, question == null ? null : question.length() > 2000 ? question.substring(0, 2000) : question,
                answer.text(), source == null ? null : source.articleId(), source == null ? null : source.title(),
                reason, cleanNote, by, clock.instant());
        if (!proposals.insert(flag)) {
            return proposals.ofConversation(conversationId).stream()
                    .filter(p -> p.kind() == Proposal.Kind.FLAG && p.messageId().equals(messageId)).findFirst()
                    .orElse(flag);
        }
        return flag;
    }

    public List<Proposal> ofConversation(UUID conversationId) {
        return proposals.ofConversation(conversationId);
    }

    private Proposal open(UUID id, Proposal.Kind... kinds) {
        Proposal proposal = get(id);
        if (proposal.state() != Proposal.State.OPEN) {
            throw ApiException.conflict("This proposal was already " + proposal.state().name().toLowerCase());
        }
        if (!List.of(kinds).contains(proposal.kind())) {
            throw ApiException.badRequest("This is not a proposal of that kind");
        }
        return proposal;
    }

    private void decide(Proposal proposal, Proposal.State state, UUID by) {
        if (!proposals.decide(proposal.id(), state, by, clock.instant())) {
            throw ApiException.conflict("Someone else decided this proposal a moment ago");
        }
    }
}
