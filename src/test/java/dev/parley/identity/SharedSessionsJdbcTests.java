package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions in the shared database (the default): two nodes on one database. */
class SharedSessionsJdbcTests extends SharedSessionsContract {

    @Override
    List<String> settings() {
        return List.of("--parley.redis.enabled=false");
    }

    @Override
    void assertStoredCentrally(ConfigurableApplicationContext node, String sessionId) {
        assertThat(node.getBean(JdbcClient.class).sql("SELECT count(*) FROM spring_session WHERE session_id = :id")
                .param("id", sessionId).query(Long.class).single()).isEqualTo(1);
        // A new attribute is stored as an upsert, so two requests adding it together do not collide (H2 here).
        assertThat((String) org.springframework.test.util.ReflectionTestUtils.getField(
                node.getBean(org.springframework.session.jdbc.JdbcIndexedSessionRepository.class),
                "createSessionAttributeQuery")).contains("MERGE INTO SPRING_SESSION_ATTRIBUTES");
    }
}
