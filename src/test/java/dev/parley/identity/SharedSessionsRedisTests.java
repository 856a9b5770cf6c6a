package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.ExternalService;
import dev.parley.support.RequiresService;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions in Redis ({@code parley.redis.enabled=true}): two nodes on one database and one Redis. */
@RequiresService(ExternalService.REDIS)
class SharedSessionsRedisTests extends SharedSessionsContract {

    @Override
    List<String> settings() {
        return List.of("--parley.redis.enabled=true");
    }

    @Override
    void assertStoredCentrally(ConfigurableApplicationContext node, String sessionId) {
        assertThat(node.getBean(StringRedisTemplate.class).hasKey("parley:session:sessions:" + sessionId)).isTrue();
        assertThat(node.getBean(JdbcClient.class).sql("SELECT count(*) FROM spring_session").query(Long.class).single())
                .as("nothing in the database's session table").isZero();
    }
}
