package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A customer's thread whose conversation can no longer be decrypted (its key is gone) goes on, in a new one. */
@SpringBootTest
class UnreadableThreadTests {

    @Autowired
    InboundMessages inbound;
    @Autowired
    Inboxes inboxes;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomerTextingAConversationThatCannotBeDecryptedGoesOnInOneNewConversationAndNothingIsLost() {
        Inbox inbox = inboxes.create("sms", "Texts " + UUID.randomUUID(), "+1555" + digits(7), AssistantMode.OFF);
        String phone = "+4475" + digits(8);
        UUID first = text(inbox, phone, "My parcel is late").conversation().id();

        try (var lost = UnreadableSubject.of(jdbc, first)) {
            InboundResult second = text(inbox, phone, "Hello? Anyone there?");
            InboundResult third = text(inbox, phone, "Still waiting for my parcel");

            assertThat(second.newConversation()).isTrue();
            assertThat(second.conversation().id()).isNotEqualTo(first);
            assertThat(third.newConversation()).isFalse();
            assertThat(third.conversation().id()).isEqualTo(second.conversation().id());
            assertThat(conversations.transcript(second.conversation().id(), 0, 10))
                    .filteredOn(m -> m.authorType() == AuthorType.CUSTOMER).extracting(Message::text)
                    .containsExactly("Hello? Anyone there?", "Still waiting for my parcel");
        }
        // once the key is back the first conversation reads again, with its own message
        assertThat(conversations.transcript(first, 0, 10))
                .filteredOn(m -> m.authorType() == AuthorType.CUSTOMER).extracting(Message::text)
                .containsExactly("My parcel is late");
    }

    private InboundResult text(Inbox inbox, String phone, String body) {
        return inbound.receive(new InboundMessage(inbox.id(),
                List.of(new ContactHandle(ContactHandle.Kind.PHONE, phone)), null, "twilio:SM" + UUID.randomUUID(),
                List.of("phone:" + phone), null, null, body, List.of(), null));
    }

    private static String digits(int n) {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, n);
    }
}
