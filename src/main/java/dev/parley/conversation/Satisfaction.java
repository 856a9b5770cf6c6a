package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ConversationRated;
import dev.parley.conversation.internal.CsatRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer satisfaction (CSAT): the customer may rate a conversation once it is resolved or they ended
 * it, once per conversation.
 */
@Service
public class Satisfaction {

    static final Set<ConversationStatus> RATEABLE = EnumSet.of(ConversationStatus.AI_RESOLVED,
            ConversationStatus.RESOLVED, ConversationStatus.CLOSED);

    private final Conversations conversations;
    private final CsatRepository ratings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Satisfaction(Conversations conversations, CsatRepository ratings, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.ratings = ratings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CsatRating rate(UUID conversationId, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw ApiException.badRequest("rating must be between 1 and 5");
        }
        if (comment != null && comment.length() > 2000) {
            throw ApiException.badRequest("comment must be at most 2000 characters");
        }
        Conversation conversation = conversations.get(conversationId);
        if (!RATEABLE.contains(conversation.status())) {
            throw ApiException.conflict("A conversation can be rated once it is resolved; it is "
                    + conversation.status());
        }
        Instant now = clock.instant();
        CsatRating stored = new CsatRating(conversationId, rating,
                comment == null || comment.isBlank() ? null : comment.strip(), now);
        if (!ratings.insert(stored)) {
            throw ApiException.conflict("This conversation has already been rated");
        }
        events.publishEvent(new ConversationRated(conversationId, rating, now));
        return stored;
    }

    public Optional<CsatRating> rating(UUID conversationId) {
        return ratings.find(conversationId);
    }

    /** The customer ends the chat: a conversation the assistant handled counts as resolved. */
    @Transactional
    public Conversation endByCustomer(UUID conversationId) {
        Conversation conversation = conversations.get(conversationId);
        if (RATEABLE.contains(conversation.status())) {
            return conversation;
        }
        return conversations.changeStatus(conversationId, ConversationStatus.RESOLVED);
    }
}
