package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.UnreadableSubject;
import dev.parley.encryption.TestKeys;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = {"parley.widget.conversations-per-hour=1000", "parley.widget.messages-per-minute=1000",
        "parley.conversation.max-message-length=50"})
@AutoConfigureMockMvc
class WidgetApiTests {

    private static final AtomicInteger IP = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startsAConversationWithAFirstMessageAndReturnsAToken() throws Exception {
        JsonNode started = start("{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"pageUrl\":\"https://shop.example/cart\",\"message\":\"Where is my parcel?\"}");
        assertThat(started.get("conversationId").asString()).isNotBlank();
        assertThat(started.get("token").asString()).hasSizeGreaterThan(30);
        assertThat(started.get("messages").get(0).get("authorType").asString()).isEqualTo("CUSTOMER");
        assertThat(started.get("messages").get(0).get("text").asString()).isEqualTo("Where is my parcel?");
        assertThat(started.get("messages").size()).isEqualTo(2);
        assertThat(started.get("cursor").asLong()).isEqualTo(started.get("messages").get(1).get("seq").asLong());
    }

    @Test
    void startsAnEmptyConversation() throws Exception {
        JsonNode started = start("{}");
        assertThat(started.get("status").asString()).isEqualTo("OPEN");
        assertThat(started.get("messages").size()).isZero();
    }

    @Test
    void postsAMessageAndReturnsTheAssistantsReplyAndStatus() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(postMessage(started, "{\"text\":\"Can I change my delivery address?\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.message.text").value("Can I change my delivery address?"))
                .andExpect(jsonPath("$.message.authorType").value("CUSTOMER"))
                .andExpect(jsonPath("$.reply.authorType").value("ASSISTANT"))
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.replayed").value(false));
    }

    @Test
    void aMessageOfTheChatThatCannotBeDecryptedDoesNotStopTheCustomerWritingAgainOrTheAssistantAnswering()
            throws Exception {
        JsonNode started = start("{}");
        UUID id = UUID.fromString(started.get("conversationId").asString());
        mvc.perform(postMessage(started, "{\"text\":\"Can I change my delivery address?\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reply.authorType").value("ASSISTANT"));
        // the customer's first message, sealed with a key id this server does not have (a lost key, a bad restore)
        String sealed = jdbc.sql("SELECT body FROM message WHERE conversation_id = :id AND author_type = 'CUSTOMER'")
                .param("id", id).query(String.class).single();
        jdbc.sql("UPDATE message SET body = :s WHERE conversation_id = :id AND author_type = 'CUSTOMER'")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("id", id).update();
        try {
            mvc.perform(postMessage(started, "{\"text\":\"How can I change the delivery address?\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.message.text").value("How can I change the delivery address?"))
                    .andExpect(jsonPath("$.reply.authorType").value("ASSISTANT"));
        } finally { // the database is shared with other test classes, some of which read every message
            jdbc.sql("UPDATE message SET body = :s WHERE conversation_id = :id AND body = :lost")
                    .param("s", sealed).param("id", id).param("lost", TestKeys.SEALED_WITH_A_LOST_KEY).update();
        }
    }

    @Test
    void aConversationThatCannotBeReadAnyMoreTellsTheCustomerToStartANewOneAndNothingAboutTheServer()
            throws Exception {
        JsonNode started = start("{\"message\":\"Where is my parcel?\"}");
        UUID id = UUID.fromString(started.get("conversationId").asString());
        try (var lost = UnreadableSubject.of(jdbc, id)) {
            for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                    widget(get("/api/v1/widget/conversations/" + id + "/messages"))
                            .header("Authorization", "Bearer " + started.get("token").asString()),
                    postMessage(started, "{\"text\":\"Hello again\"}")}) {
                mvc.perform(request)
                        .andExpect(status().isInternalServerError())
                        .andExpect(jsonPath("$.type").value("urn:parley:problem:unreadable-data"))
                        .andExpect(jsonPath("$.detail").value("This conversation cannot be opened right now."
                                + " Nothing was changed. Please start a new conversation."));
            }
        }
        JsonNode transcript = transcript(started, 0);
        assertThat(transcript.get("messages").toString()).doesNotContain("Hello again");
    }

    @Test
    void sameClientMessageIdTwiceStoresOneMessage() throws Exception {
        JsonNode started = start("{}");
        String body = "{\"text\":\"Is this stored once?\",\"clientMessageId\":\"retry-1\"}";
        JsonNode first = body(mvc.perform(postMessage(started, body)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString());
        JsonNode second = body(mvc.perform(postMessage(started, body)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(second.get("message").get("id")).isEqualTo(first.get("message").get("id"));
        assertThat(second.get("replayed").asBoolean()).isTrue();
        JsonNode transcript = transcript(started, 0);
        long copies = 0;
        for (JsonNode m : transcript.get("messages")) {
            if ("Is this stored once?".equals(m.get("text").asString())) {
                copies++;
            }
        }
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void transcriptResumesAfterACursor() throws Exception {
        JsonNode started = start("{\"message\":\"first\"}");
        long cursor = started.get("cursor").asLong();
        mvc.perform(postMessage(started, "{\"text\":\"second\"}")).andExpect(status().isCreated());
        JsonNode after = transcript(started, cursor);
        assertThat(after.get("messages").get(0).get("text").asString()).isEqualTo("second");
        assertThat(after.get("messages").get(0).get("seq").asLong()).isGreaterThan(cursor);
    }

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(postMessage(started, "{\"text\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request body"));
    }

    @Test
    void emptyTextIsRejected() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(postMessage(started, "{\"text\":\"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("text must not be empty"));
    }

    @Test
    void overLongTextIsRejectedWithTheLimit() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(postMessage(started, "{\"text\":\"" + "x".repeat(51) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("text is 51 characters; the limit is 50"));
    }

    @Test
    void overLongFirstMessageCreatesNoConversation() throws Exception {
        mvc.perform(widget(post("/api/v1/widget/conversations")).content("{\"message\":\"" + "y".repeat(60) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("message is 60 characters; the limit is 50"));
    }

    @Test
    void invalidEmailIsRejectedNamingTheField() throws Exception {
        mvc.perform(widget(post("/api/v1/widget/conversations")).content("{\"email\":\"not-an-email\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void unknownConversationIsNotFound() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(widget(get("/api/v1/widget/conversations/" + UUID.randomUUID() + "/messages"))
                        .header("Authorization", "Bearer " + started.get("token").asString()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void missingTokenIsUnauthorized() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(widget(get("/api/v1/widget/conversations/" + started.get("conversationId").asString() + "/messages")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void aTokenNeverOpensAnotherConversation() throws Exception {
        JsonNode mine = start("{\"message\":\"my secret order 1234\"}");
        JsonNode theirs = start("{}");
        String theirToken = "Bearer " + theirs.get("token").asString();
        String myPath = "/api/v1/widget/conversations/" + mine.get("conversationId").asString();
        mvc.perform(widget(get(myPath + "/messages")).header("Authorization", theirToken))
                .andExpect(status().isForbidden());
        mvc.perform(widget(post(myPath + "/messages")).header("Authorization", theirToken).content("{\"text\":\"hi\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(widget(get(myPath + "/events")).header("Authorization", theirToken))
                .andExpect(status().isForbidden());
        mvc.perform(widget(get(myPath + "/messages")).header("Authorization", "Bearer not-a-real-token"))
                .andExpect(status().isForbidden());
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() throws Exception {
        mvc.perform(options("/api/v1/widget/conversations").header("Origin", "http://localhost:8080")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:8080"));
        mvc.perform(options("/api/v1/widget/conversations").header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden());
    }

    @Test
    void configExposesBrandingDefaults() throws Exception {
        mvc.perform(get("/api/v1/widget/config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.color").exists());
    }

    @Test
    void leavingAnEmailRecordsIt() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(widget(post("/api/v1/widget/conversations/" + started.get("conversationId").asString() + "/contact"))
                        .header("Authorization", "Bearer " + started.get("token").asString())
                        .content("{\"email\":\"late@example.com\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerEmail").value("late@example.com"));
    }

    @Test
    void anEmptyEmailIsRejectedWhenLeavingContactDetails() throws Exception {
        JsonNode started = start("{}");
        mvc.perform(widget(post("/api/v1/widget/conversations/" + started.get("conversationId").asString() + "/contact"))
                        .header("Authorization", "Bearer " + started.get("token").asString())
                        .content("{\"email\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void controlCharactersInAnyJsonFieldAreDroppedBeforeAnythingIsStored() throws Exception {
        JsonNode started = start("{\"name\":\"A\\u0000da\\u0007\",\"message\":\"Where is my parcel?\\u0000\"}");
        assertThat(started.get("messages").get(0).get("authorName").asString()).isEqualTo("Ada");
        assertThat(started.get("messages").get(0).get("text").asString()).isEqualTo("Where is my parcel?");
    }

    private JsonNode start(String body) throws Exception {
        String response = mvc.perform(widget(post("/api/v1/widget/conversations")).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return body(response);
    }

    private JsonNode transcript(JsonNode started, long after) throws Exception {
        return body(mvc.perform(widget(get("/api/v1/widget/conversations/" + started.get("conversationId").asString()
                                + "/messages?after=" + after))
                        .header("Authorization", "Bearer " + started.get("token").asString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletRequestBuilder postMessage(JsonNode started, String body) {
        return widget(post("/api/v1/widget/conversations/" + started.get("conversationId").asString() + "/messages"))
                .header("Authorization", "Bearer " + started.get("token").asString())
                .content(body);
    }

    /** Each test request comes from its own address, so rate limits never couple tests. */
    private static MockHttpServletRequestBuilder widget(MockHttpServletRequestBuilder request) {
        String ip = "10.1." + (IP.get() / 250) + "." + (IP.getAndIncrement() % 250 + 1);
        return request.contentType(MediaType.APPLICATION_JSON).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }

    private JsonNode body(String response) {
        return json.readTree(response);
    }
}
