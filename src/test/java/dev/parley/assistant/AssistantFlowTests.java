package dev.parley.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.Fixtures;
import dev.parley.assistant.internal.TrainedScorer;
import dev.parley.assistant.internal.TestMessages;
import dev.parley.assistant.internal.TrainedScorerTests;
import dev.parley.conversation.AssistantRequest;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationEventPublisher;
import dev.parley.conversation.AssistantPort;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The assistant wired into the application: customer messages go through the conversation flow, and
 * the answer or the escalation (with its reason) is recorded on the conversation. The knowledge module
 * is stood in for by a fixed knowledge base.
 */
@SpringBootTest
class AssistantFlowTests {

    @TestConfiguration
    static class FixedKnowledge {

        /** A fixed knowledge base in place of the database one, so the scorer trains on known articles. */
        @Bean
        @org.springframework.context.annotation.Primary
        TrainedScorerTests.ChangingKnowledge knowledgeBase() {
            return new TrainedScorerTests.ChangingKnowledge(Fixtures.articles());
        }
    }

    @Autowired
    AssistantPort assistant;
    @Autowired
    TrainedScorer scorer;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    TrainedScorerTests.ChangingKnowledge knowledge;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void trained() {
        scorer.refresh().join();
    }

    private UUID newConversation() {
        return conversations.start(new NewConversation("web", new Customer("Ada", "ada-" + UUID.randomUUID()
                + "@example.com", null), new SourceDetails(null, null, null), "other")).conversation().id();
    }

    @Test
    void answersFromTheKnowledgeBaseAndResolvesTheConversation() {
        assertThat(assistant.getClass().getSimpleName()).isEqualTo("KnowledgeAssistant");
        UUID id = newConversation();
        var result = flow.receive(id, new IncomingMessage("How can I reset my password?", null));
        assertThat(result.reply()).hasValueSatisfying(reply -> {
            assertThat(reply.sources()).extracting(s -> s.articleId()).containsExactly("reset_password");
            assertThat(reply.confidence()).isGreaterThanOrEqualTo(0.7);
        });
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.AI_RESOLVED);
    }

    @Test
    void retrainsWhenPublishedKnowledgeChanges() {
        var articles = new java.util.ArrayList<>(Fixtures.articles());
        articles.add(new KnowledgeArticle("gift_cards", "Gift cards", "Gift cards never expire.", null, List.of(), "en",
                List.of("do gift cards expire", "how do I redeem a gift card", "check my gift card balance"),
                "/help/articles/gift_cards"));
        knowledge.articles = articles;
        knowledge.version = 7;
        events.publishEvent(new KnowledgeChanged(7, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> scorer.current().version() == 7);
        assertThat(scorer.current().articleCount()).isEqualTo(7);
        var outcome = assistant.handle(new AssistantRequest(null, TestMessages.customer("does my gift card expire?"),
                List.of()));
        assertThat(outcome.sources()).extracting(s -> s.articleId()).containsExactly("gift_cards");
    }

    @Test
    void storesTheEscalationReasonOnTheConversation() {
        UUID id = newConversation();
        var result = flow.receive(id, new IncomingMessage("I'd like to speak to a real person please", null));
        assertThat(result.reply()).hasValueSatisfying(reply -> assertThat(reply.text()).contains("take over"));
        var conversation = conversations.get(id);
        assertThat(conversation.status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(conversation.escalationReason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);
    }
}
