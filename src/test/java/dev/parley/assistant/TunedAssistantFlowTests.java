package dev.parley.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.TrainedScorer;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Encoder tuning as configured in production: the application tunes the encoder on the knowledge base in the
 * background, stores the tuning and the scorer on it in the file storage, and answers customers through the tuned
 * scorer.
 */
@SpringBootTest(properties = "parley.assistant.encoder-tuning=true")
@Import(AssistantFlowTests.FixedKnowledge.class)
class TunedAssistantFlowTests {

    private static final Path DATA = Path.of("target/tuned-assistant-" + UUID.randomUUID());

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", DATA::toString);
    }

    @Autowired
    TrainedScorer scorer;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;

    @Test
    void answersThroughTheScorerOnTheTunedEncoderAndStoresThePair() throws Exception {
        assertThat(scorer.refresh().join().encoder()).isPresent();
        try (var files = Files.list(DATA.resolve("files/models/encoder"))) {
            assertThat(files).as("the tuning and its 4 cross-validation folds'").hasSize(5);
        }
        assertThat(DATA.resolve("files/models/tuned-scorer")).isNotEmptyDirectory();

        UUID inScope = newConversation();
        var answered = flow.receive(inScope, new IncomingMessage("How can I reset my password?", null));
        assertThat(answered.reply()).hasValueSatisfying(reply ->
                assertThat(reply.sources()).extracting(s -> s.articleId()).containsExactly("reset_password"));
        assertThat(conversations.get(inScope).status()).isEqualTo(ConversationStatus.AI_RESOLVED);

        UUID offTopic = newConversation();
        flow.receive(offTopic, new IncomingMessage("Who won the football world cup in 1998?", null));
        assertThat(conversations.get(offTopic).escalationReason()).isEqualTo(EscalationReason.LOW_CONFIDENCE);
    }

    private UUID newConversation() {
        return conversations.start(new NewConversation("web", new Customer("Ada", "ada-" + UUID.randomUUID()
                + "@example.com", null), new SourceDetails(null, null, null), "other")).conversation().id();
    }
}
