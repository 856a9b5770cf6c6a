package dev.parley.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.knowledge.ArticleStats;
import dev.parley.knowledge.internal.HelpViewRepository;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

class HelpFeedbackAndViewsTests extends HelpCenterTestSupport {

    @Autowired
    ArticleStats stats;

    @Autowired
    HelpViewRepository views;

    @Test
    void aFirstVisitGetsAnHttpOnlySameSiteVisitorCookieAndCountsAView() throws Exception {
        String id = publish(unique("views"), "Opening hours", "We are open 9 to 5.", null);

        var result = mvc.perform(get("/help/articles/" + id)).andExpect(status().isOk()).andReturn();
        String setCookie = result.getResponse().getHeader(HttpHeaders.SET_COOKIE);

        // sessions are Spring Session's (shared by every node): one would show as its cookie, not on the mock request
        assertThat(result.getResponse().getCookie("JSESSIONID")).as("public pages create no server session").isNull();
        assertThat(result.getResponse().getContentAsString()).contains("action=\"/help/articles/" + id + "/feedback\"");

        assertThat(setCookie).startsWith(Visitors.COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Path=/help");
        assertThat(stats.of(id).views()).isEqualTo(1);
    }

    @Test
    void aVisitorsReloadsWithinTheHourCountOnceAndOtherVisitorsCountToo() throws Exception {
        String id = publish(unique("views"), "Store locations", "Find a store near you.", null);
        Cookie ada = visitor();

        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/help/articles/" + id).cookie(ada)).andExpect(status().isOk())
                    .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
        }
        mvc.perform(get("/help/articles/" + id).cookie(visitor())).andExpect(status().isOk());
        mvc.perform(get("/help/articles/" + id).header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (compatible; Googlebot/2.1)"))
                .andExpect(status().isOk());

        assertThat(stats.of(id).views()).as("Ada once, a second visitor once, the crawler never").isEqualTo(2);
    }

    @Test
    void aVisitorCountsAgainOnceTheViewWindowHasPassed() {
        String id = publish(unique("window"), "Loyalty club", "Join for free.", null);
        UUID visitor = UUID.randomUUID();
        Instant first = Instant.parse("2026-01-01T10:00:00Z");

        assertThat(views.countView(id, visitor, first, first.minus(Duration.ofHours(1)))).isTrue();
        Instant later = first.plus(Duration.ofMinutes(59));
        assertThat(views.countView(id, visitor, later, later.minus(Duration.ofHours(1)))).isFalse();
        Instant afterWindow = first.plus(Duration.ofMinutes(61));
        assertThat(views.countView(id, visitor, afterWindow, afterWindow.minus(Duration.ofHours(1)))).isTrue();

        assertThat(stats.of(id).views()).isEqualTo(2);
    }

    @Test
    void oneVotePerVisitorALaterVoteReplacesTheEarlierOne() throws Exception {
        String id = publish(unique("votes"), "Changing your email", "Open your account settings.", null);
        Cookie ada = visitor();

        vote(id, ada, "yes");
        vote(id, ada, "yes");
        assertThat(stats.of(id)).extracting(ArticleStats.Stats::helpful, ArticleStats.Stats::notHelpful)
                .containsExactly(1L, 0L);

        vote(id, ada, "no");
        assertThat(stats.of(id)).extracting(ArticleStats.Stats::helpful, ArticleStats.Stats::notHelpful)
                .containsExactly(0L, 1L);

        vote(id, visitor(), "yes");
        assertThat(stats.of(id)).extracting(ArticleStats.Stats::helpful, ArticleStats.Stats::notHelpful)
                .containsExactly(1L, 1L);
        assertThat(stats.of(id).helpfulRatio()).isEqualTo(0.5);
    }

    @Test
    void afterVotingTheArticleShowsTheThankYouState() throws Exception {
        String id = publish(unique("thanks"), "Paying by invoice", "Businesses can pay by invoice.", null);
        Cookie ada = visitor();
        var before = Jsoup.parse(mvc.perform(get("/help/articles/" + id).cookie(ada))
                .andReturn().getResponse().getContentAsString());
        assertThat(before.select("[data-testid=help-vote-yes]")).isNotEmpty();

        vote(id, ada, "yes");

        var after = Jsoup.parse(mvc.perform(get("/help/articles/" + id).cookie(ada))
                .andReturn().getResponse().getContentAsString());
        assertThat(after.select("[data-testid=help-feedback-thanks]").text()).isEqualTo("Thanks for your feedback!");
        assertThat(after.select("[data-testid=help-vote-yes]")).isEmpty();
        assertThat(after.select("#feedback").text()).contains("You found this article helpful.");
    }

    @Test
    void votesOnUnknownOrDraftArticlesOrWithoutAnAnswerAreRefused() throws Exception {
        String draft = draft(unique("vote-draft"), "Draft", "Draft body.", null);
        mvc.perform(post("/help/articles/" + draft + "/feedback").param("helpful", "yes")).andExpect(status().isNotFound());
        mvc.perform(post("/help/articles/" + unique("nope") + "/feedback").param("helpful", "yes"))
                .andExpect(status().isNotFound());
        String id = publish(unique("vote-bad"), "Warranty", "Two years.", null);
        mvc.perform(post("/help/articles/" + id + "/feedback").param("helpful", "maybe")).andExpect(status().isBadRequest());
        mvc.perform(post("/help/articles/" + id + "/feedback")).andExpect(status().isBadRequest());
        assertThat(stats.of(id).helpful() + stats.of(id).notHelpful()).isZero();
        assertThat(stats.of(unique("never-existed"))).isEqualTo(new ArticleStats.Stats(0, 0, 0, 0));
    }

    private void vote(String id, Cookie visitor, String answer) throws Exception {
        mvc.perform(post("/help/articles/" + id + "/feedback").cookie(visitor).param("helpful", answer))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, "/help/articles/" + id + "#feedback"));
    }

    private static Cookie visitor() {
        return new Cookie(Visitors.COOKIE, UUID.randomUUID().toString());
    }
}
