package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = {"parley.widget.conversations-per-hour=1000", "parley.widget.messages-per-minute=1000",
        "parley.attachments.max-size=2KB"})
@AutoConfigureMockMvc
class WidgetAttachmentTests {

    private static final AtomicInteger IP = new AtomicInteger(1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    dev.parley.conversation.Conversations conversations;
    @Autowired
    dev.parley.conversation.Attachments attachments;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aCustomerSendsAnImageAndDownloadsItWithTheirToken() throws Exception {
        JsonNode started = start();
        JsonNode uploaded = json.readTree(mvc.perform(upload(started, file("screenshot.png", "text/html", PNG))
                        .param("text", "This is what I see"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.message.text").value("This is what I see"))
                .andExpect(jsonPath("$.files[0].filename").value("screenshot.png"))
                .andExpect(jsonPath("$.files[0].contentType").value("image/png"))
                .andReturn().getResponse().getContentAsString());
        String fileId = uploaded.get("files").get(0).get("id").asString();
        assertThat(uploaded.get("files").get(0).get("messageId")).isEqualTo(uploaded.get("message").get("id"));

        mvc.perform(withToken(get(path(started) + "/attachments"), started))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(fileId));
        mvc.perform(withToken(get(path(started) + "/attachments/" + fileId), started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andExpect(content().bytes(PNG));
    }

    @Test
    void aFileWithoutTextBecomesAMessageSayingSo() throws Exception {
        JsonNode started = start();
        mvc.perform(upload(started, file("invoice.pdf", "application/octet-stream",
                        "%PDF-1.4\n%%EOF\n".getBytes())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.message.text").value("(sent 1 file without text)"))
                .andExpect(jsonPath("$.files[0].contentType").value("application/pdf"));
    }

    @Test
    void aNonImageIsAlwaysADownload() throws Exception {
        JsonNode started = start();
        JsonNode uploaded = json.readTree(mvc.perform(upload(started, file("notes.txt", "text/html",
                        "just some notes".getBytes())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        mvc.perform(withToken(get(path(started) + "/attachments/" + uploaded.get("files").get(0).get("id").asString()),
                        started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/plain")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
    }

    @Test
    void refusesAFileOverTheLimitWith413() throws Exception {
        byte[] big = new byte[3000];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        mvc.perform(upload(start(), file("big.png", "image/png", big)))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("the limit is 2 KB")));
    }

    @Test
    void refusesATypeNotAllowedWith415() throws Exception {
        mvc.perform(upload(start(), file("run.exe", "image/png", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0})))
                .andExpect(status().is(415))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesHtmlDisguisedAsAPngAndStoresNothing() throws Exception {
        JsonNode started = start();
        mvc.perform(upload(started, file("cat.png", "image/png",
                        "<html><body><script>alert(document.cookie)</script></body></html>".getBytes())))
                .andExpect(status().is(415))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("text/html")));
        mvc.perform(withToken(get(path(started) + "/messages"), started))
                .andExpect(status().isOk()).andExpect(jsonPath("$.messages.length()").value(0));
    }

    @Test
    void anotherConversationsTokenNeitherUploadsNorDownloads() throws Exception {
        JsonNode mine = start();
        JsonNode theirs = start();
        JsonNode uploaded = json.readTree(mvc.perform(upload(mine, file("a.png", "image/png", PNG)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String fileId = uploaded.get("files").get(0).get("id").asString();
        mvc.perform(withToken(get(path(mine) + "/attachments/" + fileId), theirs)).andExpect(status().isForbidden());
        mvc.perform(withToken(get(path(theirs) + "/attachments/" + fileId), theirs)).andExpect(status().isNotFound());
        mvc.perform(withToken(multipart(path(mine) + "/attachments").file(file("b.png", "image/png", PNG)), theirs))
                .andExpect(status().isForbidden());
        mvc.perform(get(path(mine) + "/attachments/" + fileId)).andExpect(status().isUnauthorized());
    }

    @Test
    void anAgentsReplyFilesReachTheCustomerButANotesFilesNever() throws Exception {
        JsonNode started = start();
        java.util.UUID id = java.util.UUID.fromString(started.get("conversationId").asString());
        java.util.UUID note = tx.execute(status -> {
            var reply = conversations.postReply(id, dev.parley.conversation.AuthorType.AGENT, null, "Grace",
                    "Here is your label.", false);
            attachments.attach(reply.id(), new dev.parley.conversation.InboundAttachment("label.pdf",
                    "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()), 1);
            var internal = conversations.postReply(id, dev.parley.conversation.AuthorType.AGENT, null, "Grace",
                    "Fraud check notes", true);
            return attachments.attach(internal.id(), new dev.parley.conversation.InboundAttachment("fraud.txt",
                    "text/plain", "internal only".getBytes()), 1).id();
        });
        mvc.perform(withToken(get(path(started) + "/attachments"), started))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].filename").value("label.pdf"));
        mvc.perform(withToken(get(path(started) + "/attachments/" + note), started))
                .andExpect(status().isNotFound());
    }

    private JsonNode start() throws Exception {
        return json.readTree(mvc.perform(fromOwnAddress(post("/api/v1/widget/conversations"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(JsonNode started,
            MockMultipartFile file) {
        return withToken(multipart(path(started) + "/attachments").file(file), started);
    }

    private static MockMultipartFile file(String name, String declaredType, byte[] content) {
        return new MockMultipartFile("files", name, declaredType, content);
    }

    private static String path(JsonNode started) {
        return "/api/v1/widget/conversations/" + started.get("conversationId").asString();
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B withToken(B request, JsonNode started) {
        return fromOwnAddress(request).header("Authorization", "Bearer " + started.get("token").asString());
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B fromOwnAddress(B request) {
        String ip = "10.7." + (IP.get() / 250) + "." + (IP.getAndIncrement() % 250 + 1);
        return request.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }
}
