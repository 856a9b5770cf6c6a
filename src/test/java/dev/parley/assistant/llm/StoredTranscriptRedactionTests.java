package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "parley.assistant.redact-stored-transcripts=true")
class StoredTranscriptRedactionTests {

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;

    @Test
    void customerMessagesAreStoredWithoutPersonalDataWhenTheSettingIsOn() {
        var id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        flow.receive(id, new IncomingMessage("Please mail ada.lovelace@example.com, card 4111 1111 1111 1111", null));
        Message stored = conversations.visibleMessages(id, 0, 10).getFirst();
        assertThat(stored.text()).doesNotContain("ada.lovelace@example.com").doesNotContain("4111 1111 1111 1111")
                .contains("[EMAIL_1]");
    }
}
