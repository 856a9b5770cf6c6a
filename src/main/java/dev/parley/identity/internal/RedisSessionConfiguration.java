package dev.parley.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.RedisHttpSessionConfiguration;

/**
 * Dashboard sessions in Redis when {@code parley.redis.enabled=true}; otherwise Spring Boot keeps them in the
 * database (Spring Session JDBC, table {@code spring_session}). Either way every node reads the same sessions, so no
 * load balancer needs to keep a browser on one node. Redis expires a session by itself after the session timeout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parley.redis.enabled", havingValue = "true")
@Import(RedisHttpSessionConfiguration.class)
class RedisSessionConfiguration {

    static final String NAMESPACE = "parley:session";

    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> parleyRedisSessions(SessionTimeout timeout) {
        return repository -> {
            repository.setRedisKeyNamespace(NAMESPACE);
            repository.setDefaultMaxInactiveInterval(timeout.getTimeout());
        };
    }
}
