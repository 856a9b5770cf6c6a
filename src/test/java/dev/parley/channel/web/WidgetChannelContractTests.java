package dev.parley.channel.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.channel.ChannelContract;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Inboxes;
import dev.parley.realtime.MessagePayload;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The widget passes the channel contract: the customer's side is the widget API and its live stream. */
@SpringBootTest(properties = {"parley.widget.conversations-per-hour=1000", "parley.widget.messages-per-minute=1000"})
@AutoConfigureMockMvc
class WidgetChannelContractTests implements ChannelContract {

    private static final AtomicInteger IP = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    RealtimeBus bus;
    @Autowired
    Conversations conversations;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Inboxes inboxes;
    @Autowired
    MeterRegistry meters;

    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> received = new ConcurrentHashMap<>();
    private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStreams() throws Exception {
        for (AutoCloseable subscription : subscriptions) {
            subscription.close();
        }
    }

    @Override
    public String channelType() {
        return "web";
    }

    @Override
    public UUID customerStarts(String text) throws Exception {
        String body = json.writeValueAsString(Map.of("name", "Ada", "message", text));
        JsonNode started = json.readTree(mvc.perform(widget(post("/api/v1/widget/conversations")).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(started.get("conversationId").asString());
        tokens.put(id, started.get("token").asString());
        List<String> texts = new CopyOnWriteArrayList<>();
        received.put(id, texts);
        subscriptions.add(bus.subscribe(RealtimeEvent.conversationTopic(id), event -> {
            if (event.data().get("message") instanceof MessagePayload message) {
                texts.add(message.text());
            }
        }));
        return id;
    }

    @Override
    public void customerWritesAgain(UUID conversationId, String text) throws Exception {
        mvc.perform(widget(post("/api/v1/widget/conversations/" + conversationId + "/messages"))
                        .header("Authorization", "Bearer " + tokens.get(conversationId))
                        .content(json.writeValueAsString(Map.of("text", text))))
                .andExpect(status().isCreated());
    }

    @Override
    public List<String> receivedByCustomer(UUID conversationId) {
        return List.copyOf(received.getOrDefault(conversationId, List.of()));
    }

    @Override
    public Conversations conversations() {
        return conversations;
    }

    @Override
    public Deliveries deliveries() {
        return deliveries;
    }

    @Override
    public Inboxes inboxes() {
        return inboxes;
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    private static MockHttpServletRequestBuilder widget(MockHttpServletRequestBuilder request) {
        String ip = "10.7." + (IP.get() / 250) + "." + (IP.getAndIncrement() % 250 + 1);
        return request.contentType(MediaType.APPLICATION_JSON).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }
}
