package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring Session JDBC on the tables of the identity migration, on H2 and PostgreSQL alike. */
abstract class SessionTablesContract {

    /** A fresh database with the identity module's migrations applied. */
    protected abstract DataSource migratedDataSource();

    private JdbcIndexedSessionRepository repository(DataSource dataSource) {
        var sessions = new JdbcIndexedSessionRepository(new org.springframework.jdbc.core.JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        sessions.setCleanupCron("-");
        new SessionAttributeUpsert(dataSource).customize(sessions);
        return sessions;
    }

    /** Through the public interface: the repository's own session class is not public. */
    @SuppressWarnings("unchecked")
    private static FindByIndexNameSessionRepository<Session> view(JdbcIndexedSessionRepository repository) {
        return (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) repository;
    }

    @Test
    void aSignedInSessionWithItsAttributesIsReadBackByAnotherNode() {
        signedInSessionIsReadBackByAnotherNode("ada@test.local");
    }

    @Test
    void anAgentWithTheLongestEmailAllowedCanHaveASession() {
        signedInSessionIsReadBackByAnotherNode("a".repeat(300) + "@test.local");
    }

    private void signedInSessionIsReadBackByAnotherNode(String email) {
        DataSource database = migratedDataSource();
        FindByIndexNameSessionRepository<Session> nodeA = view(repository(database));
        FindByIndexNameSessionRepository<Session> nodeB = view(repository(database));
        var agent = new Agent(UUID.randomUUID(), "Ada", email, Role.SUPERVISOR, true, null, List.of(),
                Instant.now());
        var principal = new AgentPrincipal(agent, null);
        Session session = nodeA.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities())));
        session.setAttribute("credentials", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
        nodeA.save(session);

        Session read = nodeB.findById(session.getId());
        SecurityContextImpl context = read.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(((AgentPrincipal) context.getAuthentication().getPrincipal()).role()).isEqualTo(Role.SUPERVISOR);
        assertThat(nodeB.findByPrincipalName(email)).containsKey(session.getId());
    }

    @Test
    void twoRequestsOfOneSessionAddingTheSameAttributeTogetherBothSave() throws Exception {
        DataSource database = migratedDataSource();
        FindByIndexNameSessionRepository<Session> nodeA = view(repository(database));
        FindByIndexNameSessionRepository<Session> nodeB = view(repository(database));
        Session created = nodeA.createSession();
        nodeA.save(created);
        var requests = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                String name = "csrf-" + round;
                var bothLoaded = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Callable<Void>> both = List.of(nodeA, nodeB).stream()
                        .<java.util.concurrent.Callable<Void>>map(node -> () -> {
                            Session session = node.findById(created.getId());
                            session.setAttribute(name, "token of " + node.hashCode());
                            bothLoaded.await();
                            node.save(session);
                            return null;
                        }).toList();
                for (var request : requests.invokeAll(both)) {
                    request.get();
                }
                assertThat((String) nodeA.findById(created.getId()).getAttribute(name)).startsWith("token of ");
            }
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void expiredSessionsAreDeletedWithTheirAttributes() {
        DataSource database = migratedDataSource();
        JdbcIndexedSessionRepository repository = repository(database);
        FindByIndexNameSessionRepository<Session> sessions = view(repository);
        Session expired = sessions.createSession();
        expired.setAttribute("k", "v");
        expired.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
        sessions.save(expired);
        Session live = sessions.createSession();
        sessions.save(live);

        repository.cleanUpExpiredSessions();

        assertThat(sessions.findById(expired.getId())).isNull();
        assertThat(sessions.findById(live.getId())).isNotNull();
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(database)
                .queryForObject("SELECT count(*) FROM spring_session_attributes WHERE attribute_name = 'k'", Long.class))
                .isZero();
    }
}
