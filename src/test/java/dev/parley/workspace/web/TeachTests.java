package dev.parley.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** An agent attaches a customer's question to the article that answers it, from the conversation page. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "AGENT")
class TeachTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    KnowledgeBase knowledge;

    private final String articleId = "frobnicator-warranty-" + UUID.randomUUID().toString().substring(0, 8);
    private UUID conversation;

    @BeforeEach
    void anArticleAndACustomerWhoAsksAboutIt() throws Exception {
        mvc.perform(post("/api/v1/knowledge/articles").with(user("sam").roles("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + articleId + "\",\"title\":\"Frobnicator warranty " + articleId
                                + "\",\"body\":\"Every frobnicator carries a two-year warranty.\",\"status\":\"published\"}"))
                .andExpect(status().isCreated());
        Eventually.within(Duration.ofSeconds(60), "the new article is searchable",
                () -> knowledge.search("frobnicator warranty", 20).stream().anyMatch(h -> h.articleId().equals(articleId)));
        conversation = conversations.start(new NewConversation("web", new Customer("Ada", null, null), null, null))
                .conversation().id();
        flow.receive(conversation, new IncomingMessage("My frobnicator broke, is it still under warranty?", null));
        conversations.postReply(conversation, AuthorType.AGENT, null, "Grace", "internal: check the serial number", true);
        flow.receive(conversation, new IncomingMessage("Order 12345, frobnicator warranty please", null));
    }

    @Test
    void theFormOffersTheLatestCustomerQuestionAndTheArticlesThatMatchIt() throws Exception {
        mvc.perform(get("/inbox/conversations/" + conversation + "/teach"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Order 12345, frobnicator warranty please</textarea>")))
                .andExpect(content().string(Matchers.containsString("My frobnicator broke, is it still under warranty?")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("check the serial number"))))
                .andExpect(content().string(Matchers.containsString("value=\"" + articleId + "\"")));
    }

    @Test
    void anEditedQuestionIsAddedToTheChosenArticleAsAnExample() throws Exception {
        mvc.perform(post("/inbox/conversations/" + conversation + "/teach").with(csrf())
                        .param("articleId", articleId).param("question", "  is my frobnicator still under warranty "))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Added to")))
                .andExpect(content().string(Matchers.containsString("Frobnicator warranty " + articleId)));
        assertThat(knowledge.article(articleId).orElseThrow().examples())
                .containsExactly("is my frobnicator still under warranty");
    }

    @Test
    void anUnknownArticleOrABlankQuestionIsExplainedAndChangesNothing() throws Exception {
        mvc.perform(post("/inbox/conversations/" + conversation + "/teach").with(csrf())
                        .param("articleId", "no-such-article").param("question", "anything"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("no-such-article")));
        mvc.perform(post("/inbox/conversations/" + conversation + "/teach").with(csrf())
                        .param("articleId", articleId).param("question", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("characters")));
        mvc.perform(post("/inbox/conversations/" + conversation + "/teach").with(csrf()).param("question", "anything"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Choose the article")));
        assertThat(knowledge.article(articleId).orElseThrow().examples()).isEmpty();
    }

    @Test
    void anotherSearchReplacesOnlyTheSuggestedArticles() throws Exception {
        mvc.perform(get("/inbox/conversations/" + conversation + "/teach/articles").param("find", "frobnicator"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.startsWith("<fieldset")))
                .andExpect(content().string(Matchers.containsString("value=\"" + articleId + "\"")));
    }

    @Test
    void onlyTheCustomersOwnMessagesCanBeChosen() throws Exception {
        long noteSeq = conversations.transcript(conversation, 0, 100).stream().filter(m -> m.internal()).findFirst()
                .orElseThrow().seq();
        mvc.perform(get("/inbox/conversations/" + conversation + "/teach").param("seq", Long.toString(noteSeq)))
                .andExpect(status().isNotFound());
    }
}
