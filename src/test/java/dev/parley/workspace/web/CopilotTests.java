package dev.parley.workspace.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The offline copilot on the demo knowledge base: a drafted reply and an extractive summary. */
@SpringBootTest(properties = "parley.knowledge.import-on-start=markdown:src/main/resources/demo/knowledge")
@AutoConfigureMockMvc
@WithMockUser(roles = "AGENT")
class CopilotTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;

    @Autowired
    dev.parley.knowledge.KnowledgeBase knowledge;

    @Test
    void suggestsAReplyFromTheBestMatchingArticle() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (knowledge.search("How do I return an item I bought?", 3).stream()
                .noneMatch(hit -> hit.title().toLowerCase().contains("return")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        UUID id = conversation("How do I return an item I bought?");
        // Other test classes share the database and re-import these articles; the index catches up in seconds.
        while (!mvc.perform(get("/api/v1/conversations/" + id + "/suggested-reply")).andReturn().getResponse()
                .getContentAsString().contains("Return items") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        mvc.perform(get("/api/v1/conversations/" + id + "/suggested-reply"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(Matchers.not(Matchers.blankOrNullString())))
                .andExpect(jsonPath("$.generated").value(false))
                .andExpect(jsonPath("$.sources[*].title").value(Matchers.hasItem(Matchers.containsStringIgnoringCase("return"))));
    }

    @Test
    void summarisesAnEscalatedConversationAtTheTopOfItsPage() throws Exception {
        UUID id = conversation("My parcel with the tent never arrived and tracking has not moved for a week");
        conversations.escalate(id, EscalationReason.MANUAL, null);
        mvc.perform(get("/api/v1/conversations/" + id + "/summary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(Matchers.containsString("tent")));
        mvc.perform(get("/inbox/conversations/" + id + "/summary"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Summary")))
                .andExpect(content().string(Matchers.startsWith("<section")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Teach the assistant"))));
    }

    @Test
    void anUnknownConversationIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/conversations/" + UUID.randomUUID() + "/suggested-reply"))
                .andExpect(status().isNotFound());
    }

    private UUID conversation(String question) {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        flow.receive(id, new IncomingMessage(question, null));
        return id;
    }
}
