package dev.parley.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.CustomerMessageResult;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.knowledge.ArticleStats;
import dev.parley.support.ModuleListeners;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class ArticleStatsTests extends HelpCenterTestSupport {

    @Autowired
    ArticleStats stats;

    @Autowired
    Conversations conversations;

    @Autowired
    CustomerMessageFlow flow;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsEachAssistantReplyThatCitedAnArticle() {
        String returns = publish(unique("cited"), "Returns", "Thirty days.", null);
        String shipping = publish(unique("cited"), "Shipping", "Two days.", null);

        ask("cite: " + returns + ", " + shipping);
        ask("cite: " + returns + ", " + returns);
        ask("cite: " + unique("deleted-article"));
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.knowledge");

        assertThat(stats.of(returns).usedByAssistant()).as("once per reply").isEqualTo(2);
        assertThat(stats.of(shipping).usedByAssistant()).isEqualTo(1);
    }

    @Test
    void aRedeliveredReplyOrAnAgentsReplyDoesNotCount() {
        String id = publish(unique("cited"), "Gift wrap", "Free gift wrap.", null);
        Message reply = ask("cite: " + id);
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.knowledge");
        ReplyPosted posted = ReplyPosted.of(reply, "web");

        transactions.executeWithoutResult(status -> {
            events.publishEvent(posted);
            events.publishEvent(new ReplyPosted(reply.conversationId(), reply.id(), reply.seq(), "web",
                    AuthorType.AGENT, "Grace", reply.text(), false, reply.createdAt(), null, null, reply.sources()));
        });
        conversations.postReply(reply.conversationId(), AuthorType.AGENT, null, "Grace", "Also see " + id, false);
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.knowledge");

        assertThat(stats.of(id).usedByAssistant()).isEqualTo(1);
        assertThat(stats.of(id).views()).isZero();
    }

    @Test
    void aReplyPublishedByAnEarlierVersionWithoutItsSourcesIsCountedFromTheStoredMessage() {
        String id = publish(unique("cited"), "Gift cards", "Valid for a year.", null);
        Message reply = ask("cite: " + id);
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.knowledge");
        jdbc.sql("DELETE FROM help_article_citation WHERE message_id = :m").param("m", reply.id()).update();
        assertThat(stats.of(id).usedByAssistant()).isZero();

        transactions.executeWithoutResult(status -> events.publishEvent(new ReplyPosted(reply.conversationId(),
                reply.id(), reply.seq(), "web", AuthorType.ASSISTANT, reply.authorName(), reply.text(), false,
                reply.createdAt(), null, null, null)));
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.knowledge");

        assertThat(stats.of(id).usedByAssistant()).isEqualTo(1);
    }

    private Message ask(String text) {
        UUID conversation = conversations.start(new NewConversation("web", Customer.anonymous(), SourceDetails.none(),
                null)).conversation().id();
        CustomerMessageResult result = flow.receive(conversation, new IncomingMessage(text, null));
        return result.reply().orElseThrow();
    }
}
