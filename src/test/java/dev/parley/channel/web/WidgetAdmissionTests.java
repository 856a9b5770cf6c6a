package dev.parley.channel.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.assistant.AssistantReadiness;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AssistantPort;
import dev.parley.conversation.AssistantRequest;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.Message;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With two customer messages being handled on the node (the assistant is held), more are refused at once with 503,
 * Retry-After and a problem, and nothing of them is stored; the two held ones are stored and answered.
 */
@SpringBootTest(properties = {"parley.conversation.admission.max-concurrent=2",
        "parley.conversation.admission.max-wait=100ms"})
@AutoConfigureMockMvc
class WidgetAdmissionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Conversations conversations;
    @Autowired
    HeldAssistant assistant;
    @MockitoBean
    AssistantReadiness readiness;

    /** An assistant that holds every message it is asked about until the test releases it. */
    @TestConfiguration
    static class HeldAssistant implements AssistantPort {

        volatile CountDownLatch handling;
        volatile CountDownLatch release;

        @Bean
        @Primary
        AssistantPort heldAssistant() {
            return this;
        }

        @Override
        public AssistantOutcome handle(AssistantRequest request) {
            handling.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AssistantOutcome.escalate(EscalationReason.LOW_CONFIDENCE, "A person will reply here.", 0.2);
        }
    }

    @BeforeEach
    void everyMessageIsHeldUntilReleased() {
        when(readiness.ready()).thenReturn(true);
        assistant.handling = new CountDownLatch(2);
        assistant.release = new CountDownLatch(1);
    }

    @Test
    void messagesBeyondTheBoundGet503WithRetryAfterAndNothingOfThemIsStored() throws Exception {
        Chat chat = start();
        try (ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MockHttpServletResponse>> held = IntStream.rangeClosed(1, 2)
                    .mapToObj(i -> customers.submit(() -> send(chat, "held-" + i))).toList();
            assertThat(assistant.handling.await(60, SECONDS)).as("both held messages reached the assistant").isTrue();

            List<Future<MockHttpServletResponse>> beyond = IntStream.rangeClosed(1, 3)
                    .mapToObj(i -> customers.submit(() -> send(chat, "beyond-" + i))).toList();
            for (Future<MockHttpServletResponse> refused : beyond) {
                MockHttpServletResponse response = refused.get(60, SECONDS);
                assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(503);
                assertThat(response.getHeader("Retry-After")).isEqualTo("3");
                assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                JsonNode problem = json.readTree(response.getContentAsString());
                assertThat(problem.get("type").asString()).isEqualTo("urn:parley:problem:busy");
                assertThat(problem.get("detail").asString()).contains("Nothing was saved");
            }

            assistant.release.countDown();
            for (Future<MockHttpServletResponse> accepted : held) {
                assertThat(accepted.get(60, SECONDS).getStatus()).isEqualTo(201);
            }
        }
        assertThat(customerMessages(chat)).containsExactlyInAnyOrder("held-1", "held-2");
    }

    @Test
    void aMessageWhoseHandlingFailedGivesItsSlotBack() throws Exception {
        assistant.release.countDown();
        Chat chat = start();
        Chat wrongToken = new Chat(chat.id(), "Bearer not-the-token");
        for (int i = 0; i < 3; i++) {
            assertThat(send(wrongToken, "refused-" + i).getStatus()).isEqualTo(403);
        }
        assertThat(send(chat, "taken").getStatus()).isEqualTo(201);
        assertThat(customerMessages(chat)).containsExactly("taken");
    }

    private Chat start() throws Exception {
        JsonNode started = json.readTree(mvc.perform(widget(post("/api/v1/widget/conversations")).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        return new Chat(UUID.fromString(started.get("conversationId").asString()),
                "Bearer " + started.get("token").asString());
    }

    private MockHttpServletResponse send(Chat chat, String clientMessageId) throws Exception {
        return mvc.perform(widget(post("/api/v1/widget/conversations/" + chat.id() + "/messages"))
                .header("Authorization", chat.authorization())
                .content("{\"text\":\"Where is my parcel?\",\"clientMessageId\":\"" + clientMessageId + "\"}"))
                .andReturn().getResponse();
    }

    private List<String> customerMessages(Chat chat) {
        return conversations.visibleMessages(chat.id(), 0, 100).stream()
                .filter(m -> m.authorType() == AuthorType.CUSTOMER).map(Message::clientMessageId).toList();
    }

    private static MockHttpServletRequestBuilder widget(MockHttpServletRequestBuilder request) {
        return request.contentType(MediaType.APPLICATION_JSON).with(r -> {
            r.setRemoteAddr("10.9.0.2");
            return r;
        });
    }

    private record Chat(UUID id, String authorization) {
    }
}
