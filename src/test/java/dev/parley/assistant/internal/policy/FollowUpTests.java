package dev.parley.assistant.internal.policy;

import static dev.parley.assistant.internal.TestMessages.answer;
import static dev.parley.assistant.internal.TestMessages.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpTests {

    private final List<dev.parley.conversation.Message> history =
            List.of(customer("What are the fees for a transfer abroad?"), answer(0.9));

    @Test
    void shortFollowUpIsReadWithThePreviousQuestion() {
        assertThat(FollowUp.inContext("and for business accounts?", history))
                .contains("What are the fees for a transfer abroad? and for business accounts?");
        assertThat(FollowUp.inContext("Und für Geschäftskonten?", history)).isPresent();
        assertThat(FollowUp.inContext("what about France?", history)).isPresent();
    }

    @Test
    void standaloneQuestionsAndFirstMessagesAreReadAlone() {
        assertThat(FollowUp.inContext("How do I close my account?", history)).isEmpty();
        assertThat(FollowUp.inContext("and for business accounts?", List.of())).isEmpty();
        assertThat(FollowUp.inContext("and what happens if I cancel my order after it has already shipped to me?",
                history)).isEmpty();
    }
}
