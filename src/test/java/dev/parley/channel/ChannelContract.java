package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every channel does, whatever its wire (James-style contract: each channel's test implements the hooks
 * and inherits these tests). The hooks act and observe on the customer's side of the real channel.
 */
public interface ChannelContract {

    Duration WAIT = Duration.ofSeconds(60);

    /** The channel type id (the inbox's channel type). */
    String channelType();

    /** The customer writes a first message on the channel; returns the conversation it became. */
    UUID customerStarts(String text) throws Exception;

    /** The customer writes again in the same conversation, as they would on the channel. */
    void customerWritesAgain(UUID conversationId, String text) throws Exception;

    /** The texts that reached the customer's side of the channel so far. */
    List<String> receivedByCustomer(UUID conversationId) throws Exception;

    Conversations conversations();

    Deliveries deliveries();

    Inboxes inboxes();

    MeterRegistry meters();

    /** Delivery attempts of this channel counted so far with the outcome (success, failure): 0 before the first. */
    default double deliveryAttempts(String outcome) {
        return meters().get("parley.delivery.attempts").tag("channel", channelType()).tag("outcome", outcome)
                .counter().count();
    }

    @Test
    default void aCustomerMessageStartsAConversationInAnInboxOfTheChannel() throws Exception {
        UUID id = customerStarts("Hello, does the contract hold " + UUID.randomUUID() + "?");

        Conversation conversation = conversations().get(id);
        assertThat(conversation.channel()).isEqualTo(channelType());
        assertThat(inboxes().get(conversation.inboxId()).channelType()).isEqualTo(channelType());
        assertThat(conversation.contactId()).isNotNull();
        assertThat(conversations().transcript(id, 0, 10)).first().extracting(Message::authorType)
                .isEqualTo(AuthorType.CUSTOMER);
    }

    @Test
    default void anAgentsReplyReachesTheCustomerAndIsMarkedSent() throws Exception {
        UUID id = customerStarts("Please call me back about order " + UUID.randomUUID());
        String text = "An agent's answer " + UUID.randomUUID();
        double sentBefore = deliveryAttempts("success");

        Message reply = conversations().postReply(id, AuthorType.AGENT, null, "Grace", text, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(receivedByCustomer(id)).anyMatch(t -> t.contains(text)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries().find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        // counted for the ParleyDeliveryFailing alert (deploy/prometheus/alerts.yml)
        assertThat(deliveryAttempts("success")).isGreaterThan(sentBefore);
    }

    @Test
    default void anInternalNoteNeverReachesTheCustomer() throws Exception {
        UUID id = customerStarts("Where is my refund " + UUID.randomUUID() + "?");
        String note = "Internal: customer is a VIP " + UUID.randomUUID();
        String visible = "Your refund is on its way " + UUID.randomUUID();

        Message noteMessage = conversations().postReply(id, AuthorType.AGENT, null, "Grace", note, true);
        conversations().postReply(id, AuthorType.AGENT, null, "Grace", visible, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(receivedByCustomer(id)).anyMatch(t -> t.contains(visible)));
        assertThat(receivedByCustomer(id)).noneMatch(t -> t.contains(note));
        assertThat(deliveries().find(noteMessage.id())).isEmpty();
    }

    @Test
    default void theCustomersAnswerJoinsTheSameConversation() throws Exception {
        UUID id = customerStarts("My parcel " + UUID.randomUUID() + " is late");
        String text = "Which parcel number is it? " + UUID.randomUUID();
        conversations().postReply(id, AuthorType.AGENT, null, "Grace", text, false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(receivedByCustomer(id)).anyMatch(t -> t.contains(text)));
        String answer = "It is parcel " + UUID.randomUUID();

        customerWritesAgain(id, answer);

        await().atMost(WAIT).untilAsserted(() -> assertThat(conversations().transcript(id, 0, 100))
                .anyMatch(m -> m.authorType() == AuthorType.CUSTOMER && m.text().contains(answer)));
    }
}
