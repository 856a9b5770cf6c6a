package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemAudienceTests {

    @Test
    void everythingUnderApiIsAnsweredWithAProblem() {
        assertThat(ProblemAudience.wantsProblem("", "/api/v1/conversations", "text/html")).isTrue();
        assertThat(ProblemAudience.wantsProblem("", "/api", null)).isTrue();
        assertThat(ProblemAudience.wantsProblem("/parley", "/parley/api/v1/x", null)).isTrue();
    }

    @Test
    void aClientAskingForJsonOutsideApiGetsAProblemToo() {
        // the demo shop's orders API lives at /demo/api/orders; the action calling it asks for JSON
        assertThat(ProblemAudience.wantsProblem("", "/demo/api/orders/%00", "application/json")).isTrue();
        assertThat(ProblemAudience.wantsProblem("", "/demo/api/orders/1", "application/problem+json")).isTrue();
    }

    @Test
    void browsersAndClientsThatSayNothingGetAPage() {
        assertThat(ProblemAudience.wantsProblem("", "/inbox", "text/html,application/json;q=0.9")).isFalse();
        assertThat(ProblemAudience.wantsProblem("", "/apiary", "*/*")).isFalse();
        assertThat(ProblemAudience.wantsProblem("", "/help/search", null)).isFalse();
    }
}
