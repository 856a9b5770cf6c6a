package dev.parley.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class ConversationExportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void exportsConversationsAsCsvWithQuotingAndFormulaProtection() throws Exception {
        String marker = "exp" + System.nanoTime();
        conversations.start(new NewConversation("email", new Customer("=HYPERLINK(\"x\") " + marker, "a@b.example", null),
                SourceDetails.none(), null));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        MvcResult started = mvc.perform(get("/api/v1/analytics/conversations.csv?from=" + today + "&to=" + today
                        + "&channel=email"))
                .andExpect(request().asyncStarted()).andReturn();
        String csv = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("id,created_at,channel,status");
        String row = java.util.Arrays.stream(lines).filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat(row).contains(",email,OPEN,MEDIUM,")
                .contains("\"'=HYPERLINK(\"\"x\"\") " + marker + "\"")
                .contains("a@b.example");
        assertThat(java.util.Arrays.stream(lines).skip(1)).allSatisfy(l -> assertThat(l).contains(",email,"));
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void anUnknownStatusIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/analytics/conversations.csv?from=2026-01-01&to=2026-01-02&status=SLEEPING"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void exportNeedsSignIn() throws Exception {
        mvc.perform(get("/api/v1/analytics/conversations.csv?from=2026-01-01&to=2026-01-02"))
                .andExpect(status().isUnauthorized());
    }
}
