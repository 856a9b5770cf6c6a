package dev.parley;

import static dev.parley.ModuleListenerPublications.registeredFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every module listener run is a publication row written and deleted and a listener transaction: the listeners
 * whose work depends on the event itself say so in their condition, so an answered message does not pay for them.
 */
@SpringBootTest
class ModuleListenerConditionsTests {

    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aCustomerMessageReachesTheAgentsMailOnlyWhenTheConversationIsAssigned() {
        assertThat(registeredFor(context, received(null)))
                .contains("ConversationFactsProjection.on")
                .doesNotContain("CustomerMessageMail.on", "SupportMetrics.on");
        assertThat(registeredFor(context, received(UUID.randomUUID()))).contains("CustomerMessageMail.on");
    }

    @Test
    void theAssistantsReplyStartsNoSlaClockAndAnAgentsReplyCitesNoArticle() {
        assertThat(registeredFor(context, reply(AuthorType.ASSISTANT, false)))
                .contains("AssistantCitations.on", "ConversationFactsProjection.on", "DeliveryListener.on",
                        "ChatFollowUps.on")
                .doesNotContain("SlaListeners.on", "SupportMetrics.on");
        assertThat(registeredFor(context, reply(AuthorType.AGENT, false)))
                .contains("SlaListeners.on", "DeliveryListener.on")
                .doesNotContain("AssistantCitations.on");
        assertThat(registeredFor(context, reply(AuthorType.AGENT, true)))
                .doesNotContain("SlaListeners.on", "DeliveryListener.on", "ChatFollowUps.on");
    }

    @Test
    void anAnswerByTheAssistantTeachesNothingAndTouchesNoSlaClock() {
        assertThat(registeredFor(context, changed(ConversationStatus.OPEN, ConversationStatus.AI_RESOLVED)))
                .contains("ConversationFactsProjection.on")
                .doesNotContain("ResolutionLearner.on", "SlaListeners.on", "SupportMetrics.on",
                        "ApiStatusCallbacks.on", "AssignmentListeners.on");
        assertThat(registeredFor(context, changed(ConversationStatus.AI_RESOLVED, ConversationStatus.OPEN)))
                .doesNotContain("AssignmentListeners.on");
    }

    @Test
    void statusChangesIntoOrOutOfAPersonsHandsReachAssignment() {
        assertThat(registeredFor(context, changed(ConversationStatus.OPEN, ConversationStatus.ESCALATED)))
                .contains("AssignmentListeners.on");
        assertThat(registeredFor(context, changed(ConversationStatus.IN_PROGRESS, ConversationStatus.RESOLVED)))
                .contains("AssignmentListeners.on");
        assertThat(registeredFor(context, changed(ConversationStatus.RESOLVED, ConversationStatus.WAITING_CUSTOMER)))
                .contains("AssignmentListeners.on");
    }

    @Test
    void onlyAnApiConversationsStatusReachesItsCallback() {
        assertThat(registeredFor(context, changed("api", ConversationStatus.OPEN, ConversationStatus.AI_RESOLVED)))
                .contains("ApiStatusCallbacks.on");
        assertThat(registeredFor(context, changed("email", ConversationStatus.IN_PROGRESS,
                ConversationStatus.RESOLVED)))
                .doesNotContain("ApiStatusCallbacks.on");
    }

    @Test
    void aResolutionByAPersonAndATakeOverStillReachTheLearnerAndTheSlaClocks() {
        assertThat(registeredFor(context, changed(ConversationStatus.IN_PROGRESS, ConversationStatus.RESOLVED)))
                .contains("ResolutionLearner.on", "SlaListeners.on");
        assertThat(registeredFor(context, changed(ConversationStatus.ESCALATED, ConversationStatus.CLOSED)))
                .contains("SlaListeners.on")
                .doesNotContain("ResolutionLearner.on");
        assertThat(registeredFor(context, changed(ConversationStatus.AI_RESOLVED, ConversationStatus.IN_PROGRESS)))
                .contains("SlaListeners.on");
        assertThat(registeredFor(context, changed(ConversationStatus.OPEN, ConversationStatus.ESCALATED)))
                .doesNotContain("SlaListeners.on");
    }

    private static MessageReceived received(UUID assignee) {
        return new MessageReceived(UUID.randomUUID(), UUID.randomUUID(), 3, "web", assignee, "Subject", "Visitor",
                "Where is my order?", null, AT);
    }

    private static ReplyPosted reply(AuthorType author, boolean internal) {
        return new ReplyPosted(UUID.randomUUID(), UUID.randomUUID(), 4, "web", author, "Someone", "Here it is",
                internal, AT, null, null, List.of());
    }

    private static ConversationStatusChanged changed(ConversationStatus from, ConversationStatus to) {
        return changed("web", from, to);
    }

    private static ConversationStatusChanged changed(String channel, ConversationStatus from, ConversationStatus to) {
        return new ConversationStatusChanged(UUID.randomUUID(), channel, from, to, AT);
    }
}
