package dev.parley.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.encryption.TestKeys;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeHit;
import dev.parley.learning.internal.LearningQueue;
import dev.parley.learning.internal.Proposal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The loop that learns from agents: a person's resolution proposes the customer's question for the article that
 * answered it (or a new article from the agent's words), supervisors accept (edited), draft or dismiss it, accepted
 * questions reach the article, and agents' flags on AI answers land in the same queue with their counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LearningLoopTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    /** A database of its own: examples added here must not change other test classes' knowledge base. */
    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-learning-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:learning-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    LearningQueue queue;
    @Autowired
    Agents agents;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Agent agent;
    AgentPrincipal supervisor;

    @BeforeEach
    void people() {
        agent = TestAgents.create(agents, Role.AGENT);
        supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        await().atMost(WAIT).until(() -> !knowledge.search("return an item", 1).isEmpty());
    }

    @Test
    void anAgentsAnswerLinkingAnArticleProposesTheQuestionWhichASupervisorEditsAndAdds() throws Exception {
        KnowledgeHit returns = knowledge.search("How do I return an item?", 1).getFirst();
        String question = "My jacket from order 4711 does not fit, can I send it back? " + UUID.randomUUID();
        UUID id = personResolves(question, "Sure! Here is how returns work: https://shop.example" + returns.url());

        Proposal proposal = awaitProposal(id);
        assertThat(proposal.kind()).isEqualTo(Proposal.Kind.EXAMPLE);
        assertThat(proposal.articleId()).isEqualTo(returns.articleId());
        assertThat(proposal.question()).isEqualTo(question);
        mvc.perform(get("/knowledge/learning").with(user(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(question), containsString(returns.title()),
                        containsString("/inbox/conversations/" + id))));

        String edited = "My jacket does not fit, can I send it back? " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/knowledge/learning/" + proposal.id() + "/accept").with(user(supervisor)).with(csrf())
                        .param("question", edited).param("articleId", returns.articleId()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", containsString("retrains")));

        assertThat(knowledge.article(returns.articleId()).orElseThrow().examples()).contains(edited)
                .doesNotContain(question);
        assertThat(queue.get(proposal.id()).state()).isEqualTo(Proposal.State.ACCEPTED);
        mvc.perform(post("/knowledge/learning/" + proposal.id() + "/accept").with(user(supervisor)).with(csrf())
                        .param("question", edited))
                .andExpect(flash().attribute("error", containsString("already")));
    }

    @Test
    void anAnswerNoArticleGivesProposesANewArticleThatOpensTheEditorFilledIn() throws Exception {
        String question = "Do you engrave initials on the titanium flask? " + UUID.randomUUID().toString().substring(0, 6);
        String answer = "Yes, engraving of up to three initials is free on the titanium flask; add a note at checkout.";
        UUID id = personResolves(question, answer);

        Proposal proposal = awaitProposal(id);
        assertThat(proposal.kind()).isEqualTo(Proposal.Kind.ARTICLE);
        assertThat(proposal.answer()).isEqualTo(answer);

        String editor = mvc.perform(post("/knowledge/learning/" + proposal.id() + "/draft").with(user(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/knowledge/new?**"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(java.net.URI.create(editor)).with(user(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("engraving of up to three initials"),
                        containsString("Do you engrave initials"))));
        assertThat(queue.get(proposal.id()).state()).isEqualTo(Proposal.State.ACCEPTED);
    }

    @Test
    void aProposalWhoseSealedQuestionCannotBeOpenedIsListedAsUnreadableAndCannotBeAcceptedBlindly() throws Exception {
        String answer = "Gift wrapping is free for orders over 50 euros; choose it at checkout.";
        String intactQuestion = "Do you gift wrap? " + UUID.randomUUID().toString().substring(0, 6);
        Proposal intact = awaitProposal(personResolves(intactQuestion, answer));
        Proposal damaged = awaitProposal(personResolves("Can you wrap a present? " + UUID.randomUUID(), answer));
        // sealed with a key id this server does not have, as after a lost key or a damaged restore
        jdbc.sql("UPDATE learning_proposal SET question = :s WHERE id = :id")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("id", damaged.id())
                .update();

        mvc.perform(get("/knowledge/learning").with(user(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(intactQuestion),
                        containsString(dev.parley.encryption.Encryption.UNREADABLE))));
        // acting on it reads it strictly: the placeholder never becomes an article
        mvc.perform(post("/knowledge/learning/" + damaged.id() + "/draft").with(user(supervisor)).with(csrf()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Unreadable data")));
        assertThat(queue.get(intact.id()).state()).isEqualTo(Proposal.State.OPEN);
    }

    @Test
    void aConversationTheAssistantResolvedAloneProposesNothing() throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        flow.receive(id, new IncomingMessage("How do I return an item?", "c-" + UUID.randomUUID()));
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        UUID other = personResolves("Can I pay by invoice? " + UUID.randomUUID(), "Yes, invoices work for businesses.");

        awaitProposal(other); // the listener ran for later events, so it ran for this one
        assertThat(queue.ofConversation(id)).isEmpty();
    }

    @Test
    void agentsFlagAnAiAnswerOnceWithAReasonAndSupervisorsSeeItAndItsCount() throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        flow.receive(id, new IncomingMessage("How do I return an item?", "c-" + UUID.randomUUID()));
        Message answer = conversations.transcript(id, 0, 50).stream()
                .filter(m -> m.authorType() == AuthorType.ASSISTANT && !m.internal()).findFirst().orElseThrow();
        Message customer = conversations.transcript(id, 0, 50).getFirst();
        AgentPrincipal me = TestAgents.principal(agent);

        mvc.perform(post("/inbox/conversations/" + id + "/messages/" + answer.id() + "/flags").with(user(me)).with(csrf())
                        .param("reason", "OUTDATED").param("note", "We take returns for 60 days now"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", containsString("outdated")));
        mvc.perform(post("/api/v1/conversations/" + id + "/messages/" + answer.id() + "/flags").with(user(me)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"wrong\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/conversations/" + id + "/messages/" + customer.id() + "/flags").with(user(me)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"WRONG\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/conversations/" + id + "/messages/" + answer.id() + "/flags").with(user(me)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"RUDE\"}"))
                .andExpect(status().isBadRequest());

        List<Proposal> flags = queue.ofConversation(id).stream().filter(p -> p.kind() == Proposal.Kind.FLAG).toList();
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.flagReason()).isEqualTo(FlagReason.OUTDATED);
            assertThat(f.note()).isEqualTo("We take returns for 60 days now");
            assertThat(f.question()).isEqualTo("How do I return an item?");
        });
        mvc.perform(get("/knowledge/learning").with(user(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Flagged answer: Outdated"),
                        containsString("We take returns for 60 days now"), containsString("Outdated 1"))));
        mvc.perform(get("/analytics").param("range", "7").with(user(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Outdated: 1")));
        mvc.perform(get("/api/v1/analytics/answer-flags").with(user(supervisor))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.OUTDATED").value(1))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.WRONG").value(0));
        mvc.perform(get("/api/v1/analytics/answer-flags").param("from", "2026-13-01").with(user(supervisor)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/knowledge/learning/" + flags.getFirst().id() + "/close").with(user(supervisor)).with(csrf())
                        .param("handled", "true"))
                .andExpect(flash().attribute("notice", containsString("dealt with")));
        assertThat(queue.get(flags.getFirst().id()).state()).isEqualTo(Proposal.State.ACCEPTED);
    }

    @Test
    void onlySupervisorsReviewTheQueue() throws Exception {
        mvc.perform(get("/knowledge/learning").with(user(TestAgents.principal(agent)))).andExpect(status().isForbidden());
        mvc.perform(get("/knowledge/learning").with(user(supervisor))).andExpect(status().isOk());
    }

    private UUID personResolves(String question, String answer) {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        flow.receive(id, new IncomingMessage(question, "c-" + UUID.randomUUID()));
        if (conversations.get(id).status() != ConversationStatus.ESCALATED) {
            conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.2);
        }
        conversations.postReply(id, AuthorType.AGENT, agent.id(), agent.name(), answer, false);
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        return id;
    }

    private Proposal awaitProposal(UUID conversationId) {
        await().atMost(WAIT).until(() -> !queue.ofConversation(conversationId).isEmpty());
        Optional<Proposal> first = queue.ofConversation(conversationId).stream().findFirst();
        return first.orElseThrow();
    }
}
