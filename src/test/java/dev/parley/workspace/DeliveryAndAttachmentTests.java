package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Attachments;
import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.InboundAttachment;
import dev.parley.conversation.InboundMessage;
import dev.parley.conversation.InboundMessages;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageAttachment;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DeliveryAndAttachmentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Inboxes inboxes;
    @Autowired
    InboundMessages inbound;
    @Autowired
    Conversations conversations;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Attachments attachments;
    @Autowired
    RealtimeBus bus;

    @Test
    void aFailedDeliveryShowsItsReasonAndRetryingMovesItToPending() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        UUID id = arrives("Where is my parcel?", List.of(), null);
        Message reply = failedReply(id, "Mailbox full (552 5.2.2)");

        mvc.perform(get("/inbox/conversations/" + id).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("delivery-failed"),
                        containsString("Not delivered: Mailbox full (552 5.2.2)"),
                        containsString("action=\"/inbox/conversations/" + id + "/messages/" + reply.id()
                                + "/delivery-retries\""),
                        containsString(">Retry</button>"))));

        List<RealtimeEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.AGENTS, seen::add)) {
            mvc.perform(post("/inbox/conversations/" + id + "/messages/" + reply.id() + "/delivery-retries")
                            .with(user(agent)).with(csrf()))
                    .andExpect(redirectedUrl("/inbox/conversations/" + id));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(e -> e.type().equals("delivery")
                    && e.data().get("messageId").equals(reply.id()) && "PENDING".equals(e.data().get("state"))));
        }
        assertThat(deliveries.find(reply.id()).orElseThrow().attempts()).isLessThanOrEqualTo(1);
    }

    @Test
    void theApiRetriesAFailedDeliveryAndRefusesOthersWithProblems() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        UUID id = arrives("Invoice copy please", List.of(), null);
        Message reply = failedReply(id, "Relay refused");
        String url = "/api/v1/conversations/" + id + "/messages/" + reply.id() + "/delivery-retries";

        mvc.perform(post(url).with(user(agent)).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.messageId").value(reply.id().toString()))
                .andExpect(jsonPath("$.state").value("PENDING"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> deliveries.find(reply.id()).orElseThrow().state() == DeliveryState.FAILED);
        UUID otherConversation = arrives("Something else", List.of(), null);
        mvc.perform(post("/api/v1/conversations/" + otherConversation + "/messages/" + reply.id() + "/delivery-retries")
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        Message note = conversations.postReply(id, AuthorType.AGENT, agent.id(), agent.name(), "note", true);
        mvc.perform(post("/api/v1/conversations/" + id + "/messages/" + note.id() + "/delivery-retries")
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isNotFound());
        Delivery current = deliveries.find(reply.id()).orElseThrow();
        deliveries.sent(current, null, List.of());
        mvc.perform(post(url).with(user(agent)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void attachmentsDownloadWithSafeHeadersOnlyFromTheirOwnConversation() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        UUID id = arrives("See the files", List.of(
                new InboundAttachment("invoice.pdf", "application/pdf", "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8)),
                new InboundAttachment("page.html", "text/html; charset=utf-8",
                        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                new InboundAttachment("logo.svg", "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8))), null);
        List<MessageAttachment> files = attachments.ofConversation(id);
        MessageAttachment pdf = named(files, "invoice.pdf");
        MessageAttachment html = named(files, "page.html");
        MessageAttachment svg = named(files, "logo.svg");
        String base = "/inbox/conversations/" + id + "/attachments/";

        mvc.perform(get("/inbox/conversations/" + id).with(user(agent)))
                .andExpect(content().string(allOf(containsString("href=\"" + base + pdf.id() + "\""),
                        containsString(">invoice.pdf</a>"), containsString("13 B · application/pdf"))));
        mvc.perform(get(base + pdf.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("invoice.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string("%PDF-1.4 fake"));
        mvc.perform(get(base + html.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(get(base + svg.id()).with(user(agent)))
                .andExpect(header().string("Content-Type", "application/octet-stream"));

        UUID other = arrives("Another conversation", List.of(), null);
        mvc.perform(get("/inbox/conversations/" + other + "/attachments/" + pdf.id()).with(user(agent)))
                .andExpect(status().isNotFound());
        mvc.perform(get(base + UUID.randomUUID()).with(user(agent))).andExpect(status().isNotFound());
        mvc.perform(get(base + pdf.id())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aMessageWarningIsShownBesideTheMessage() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        UUID id = arrives("=?broken?= mail body", List.of(), "could not be parsed; kept as received");
        mvc.perform(get("/inbox/conversations/" + id + "/transcript").with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"warning\""),
                        containsString("could not be parsed; kept as received"), not(containsString("<html")))));
    }

    /** A customer message in an inbox whose channel type has no installed channel, so replies fail to deliver. */
    private UUID arrives(String text, List<InboundAttachment> files, String warning) {
        String word = UUID.randomUUID().toString().substring(0, 8);
        Inbox inbox = inboxes.create("nochannel", "Test " + word, "t-" + word + "@acme.test", AssistantMode.OFF);
        return inbound.receive(new InboundMessage(inbox.id(), List.of(ContactHandle.email("c-" + word + "@example.com")),
                "Robin", "<" + word + "@example.com>", List.of(), null, "Subject " + word, text, files, warning))
                .conversation().id();
    }

    /** An agent reply whose delivery failed for good with {@code reason} (after the channel's own first attempt). */
    private Message failedReply(UUID conversationId, String reason) {
        Message reply = conversations.postReply(conversationId, AuthorType.AGENT, null, "Agent", "On its way", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.find(reply.id())
                .map(d -> d.state() == DeliveryState.FAILED).orElse(false));
        Delivery delivery = deliveries.begin(reply.id(), conversationId, conversations.get(conversationId).inboxId());
        deliveries.attemptFailed(delivery, reason, null);
        return reply;
    }

    private static MessageAttachment named(List<MessageAttachment> files, String name) {
        return files.stream().filter(f -> f.filename().equals(name)).findFirst().orElseThrow();
    }
}
