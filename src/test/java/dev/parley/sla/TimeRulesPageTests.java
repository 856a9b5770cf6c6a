package dev.parley.sla;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.Priority;
import dev.parley.identity.Actor;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.support.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Admins set business hours and SLA targets on a page (mistakes come back as readable messages) and by API
 * (problem+json); agents see each conversation's running due time on the inbox and the conversation page.
 */
@SpringBootTest(properties = {"parley.sla.check-interval=1h", "parley.inbox.sweep-interval=1h"})
@AutoConfigureMockMvc
@Import(TimeRulesContract.Clocked.class)
class TimeRulesPageTests {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-time-rules-page-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:time-rules-page-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    SlaClocks clocks;
    @Autowired
    MutableClock clock;

    Agent admin;

    @BeforeEach
    void setUp() {
        clock.set(TimeRulesContract.berlin("2026-12-11T16:30"));
        admin = TestAgents.create(agents, Role.ADMIN);
    }

    @Test
    void anAdminSetsTheWorkspacesHoursOnThePageAndSeesThemAgain() throws Exception {
        mvc.perform(post("/admin/time-rules/hours").with(user(TestAgents.principal(admin))).with(csrf())
                        .param("timeZone", "Europe/Berlin").param("day-MONDAY", "09:00-12:00, 13:00-17:00")
                        .param("day-SATURDAY", "").param("holidays", "2026-12-25 Christmas Day"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/time-rules"));
        mvc.perform(get("/admin/time-rules").with(user(TestAgents.principal(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"09:00-12:00, 13:00-17:00\"")))
                .andExpect(content().string(containsString("2026-12-25 Christmas Day")))
                .andExpect(content().string(containsString("value=\"Europe/Berlin\"")));
    }

    @Test
    void mistakesInBusinessHoursComeBackAsReadableMessagesWithWhatWasTyped() throws Exception {
        mvc.perform(post("/admin/time-rules/hours").with(user(TestAgents.principal(admin))).with(csrf())
                        .param("timeZone", "Mars/Olympus").param("day-MONDAY", "9 to 5")
                        .param("day-TUESDAY", "25:00-26:00").param("holidays", "25.12.2026 Christmas"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Time zone &#39;Mars/Olympus&#39; is not known")))
                .andExpect(content().string(containsString("Monday: &#39;9 to 5&#39; is not an interval like 09:00-17:00")))
                .andExpect(content().string(containsString("Tuesday: &#39;25:00-26:00&#39; has a time that does not exist")))
                .andExpect(content().string(containsString("Holidays, line 1: &#39;25.12.2026&#39; is not a date")))
                .andExpect(content().string(containsString("value=\"9 to 5\"")));
    }

    @Test
    void slaTargetsAreSetOnThePageAndANonsenseTargetIsExplained() throws Exception {
        mvc.perform(post("/admin/time-rules/policies").with(user(TestAgents.principal(admin))).with(csrf())
                        .param("first-URGENT", "10m").param("resolution-URGENT", "2h")
                        .param("first-LOW", "soon"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Low first response: &#39;soon&#39; is not a duration")));
        mvc.perform(post("/admin/time-rules/policies").with(user(TestAgents.principal(admin))).with(csrf())
                        .param("first-URGENT", "10m").param("resolution-URGENT", "2h 30m")
                        .param("first-HIGH", "1h").param("first-MEDIUM", "").param("first-LOW", "8h"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/admin/sla-policies").with(user(TestAgents.principal(admin))))
                .andExpect(jsonPath("$[?(@.priority == 'URGENT')].firstResponse").value(hasItem("10m")))
                .andExpect(jsonPath("$[?(@.priority == 'URGENT')].resolution").value(hasItem("2h 30m")))
                .andExpect(jsonPath("$[?(@.priority == 'MEDIUM')].firstResponse").value(hasItem("")));
    }

    @Test
    void onlyAdminsSeeTheTimeRules() throws Exception {
        Agent supervisor = TestAgents.create(agents, Role.SUPERVISOR);
        mvc.perform(get("/admin/time-rules").with(user(TestAgents.principal(supervisor))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/business-hours").with(user(TestAgents.principal(supervisor))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiTakesATeamsHoursAndAnswersBadInputWithAProblem() throws Exception {
        UUID team = agents.createTeam(Actor.SYSTEM, "Billing " + UUID.randomUUID()).id();
        mvc.perform(put("/api/v1/admin/teams/" + team + "/business-hours").with(user(TestAgents.principal(admin)))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                                {"timeZone":"America/New_York","week":{"MONDAY":["08:00-16:00"],"FUNDAY":["10:00-11:00"]},
                                 "holidays":[{"date":"July 4th"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("'FUNDAY' is not a weekday")))
                .andExpect(jsonPath("$.detail", containsString("'July' is not a date")));
        mvc.perform(put("/api/v1/admin/teams/" + team + "/business-hours").with(user(TestAgents.principal(admin)))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                                {"timeZone":"America/New_York","week":{"monday":["08:00-16:00"],"FRIDAY":["22:00-06:00"]},
                                 "holidays":[{"date":"2026-07-03","name":"Independence Day (observed)"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.own").value(true))
                .andExpect(jsonPath("$.week.MONDAY[0]").value("08:00-16:00"))
                .andExpect(jsonPath("$.week.FRIDAY[0]").value("22:00-06:00"))
                .andExpect(jsonPath("$.holidays[0].name").value("Independence Day (observed)"));
        mvc.perform(delete("/api/v1/admin/teams/" + team + "/business-hours").with(user(TestAgents.principal(admin)))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/admin/teams/" + team + "/business-hours").with(user(TestAgents.principal(admin))))
                .andExpect(jsonPath("$.own").value(false));
        mvc.perform(get("/api/v1/admin/teams/" + UUID.randomUUID() + "/business-hours")
                        .with(user(TestAgents.principal(admin))))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/admin/sla-policies").with(user(TestAgents.principal(admin))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("[{\"priority\":\"HIGH\",\"firstResponse\":\"0m\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("between 1 minute and 365 days")));
    }

    @Test
    void theInboxAndTheConversationPageShowTheRunningDueTimeAndWarnWhenItIsClose() throws Exception {
        UUID id = conversations.start(new NewConversation("web", new Customer("Ada", null, null), null, null))
                .conversation().id();
        conversations.update(id, ConversationChanges.priority(Priority.HIGH));
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, null);
        await().until(() -> clocks.statusOf(id).isPresent());
        Duration left = Duration.between(clock.instant(), clocks.statusOf(id).orElseThrow().dueAt());
        Agent agent = TestAgents.create(agents, Role.AGENT);
        mvc.perform(get("/inbox").param("view", "all").with(user(TestAgents.principal(agent))))
                .andExpect(content().string(containsString("First response due in")))
                .andExpect(content().string(not(containsString("data-sla-state=\"warning\""))));
        clock.advance(left.minusMinutes(5));
        mvc.perform(get("/inbox").param("view", "all").with(user(TestAgents.principal(agent))))
                .andExpect(content().string(containsString("First response due in 5 min")))
                .andExpect(content().string(containsString("data-sla-state=\"warning\"")));
        clock.advance(Duration.ofMinutes(15));
        mvc.perform(get("/inbox/conversations/" + id).with(user(TestAgents.principal(agent))))
                .andExpect(content().string(containsString("First response breached 10 min ago")))
                .andExpect(content().string(containsString("data-sla-state=\"breached\"")));
    }

    @Autowired
    BusinessCalendars calendars;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    void outsideBusinessHoursTheWidgetSaysWhenTheTeamIsBackAndTheWaitingNoticeToo() throws Exception {
        java.util.Map<java.time.DayOfWeek, String> week = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek day : java.util.List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY,
                java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY)) {
            week.put(day, "09:00-17:00");
        }
        calendars.save(Actor.SYSTEM, null, new CalendarInput("Europe/Berlin", week, ""));
        var started = json.readTree(mvc.perform(post("/api/v1/widget/conversations")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(started.get("conversationId").asString());
        String bearer = "Bearer " + started.get("token").asString();
        clock.set(TimeRulesContract.berlin("2026-12-12T11:00")); // Saturday
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, null);
        mvc.perform(get("/api/v1/widget/conversations/" + id).header("Authorization", bearer))
                .andExpect(jsonPath("$.outOfHours").value("We're back Monday at 09:00 (Europe/Berlin)."));
        mvc.perform(post("/api/v1/widget/conversations/" + id + "/messages").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Anyone there?\"}"))
                .andExpect(status().is2xxSuccessful());
        await().until(() -> conversations.visibleMessages(id, 0, 50).stream().anyMatch(m -> m.text()
                .equals("Thanks — our team is away right now. We're back Monday at 09:00 (Europe/Berlin). "
                        + "A person will reply here then.")));
        clock.set(TimeRulesContract.berlin("2026-12-14T09:30")); // Monday, open
        mvc.perform(get("/api/v1/widget/conversations/" + id).header("Authorization", bearer))
                .andExpect(jsonPath("$.outOfHours").doesNotExist());
    }
}
