package dev.parley.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Stores a new session attribute as an upsert. Two requests of one session that add the same attribute together
 * (the CSRF token of two pages opened at once) both insert it with Spring Session's plain INSERT, and the second
 * failed with a duplicate key, a 500 for a request that did nothing wrong. The later write now wins, as it does for
 * an attribute both requests change. PostgreSQL gets Spring Session's own upsert; H2 its MERGE ... KEY.
 */
@Component
class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    static final String POSTGRESQL = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    static final String H2 = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    private final DataSource dataSource;

    SessionAttributeUpsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(JdbcIndexedSessionRepository sessions) {
        String product = product();
        if (product.contains("postgresql")) {
            sessions.setCreateSessionAttributeQuery(POSTGRESQL);
        } else if (product.contains("h2")) {
            sessions.setCreateSessionAttributeQuery(H2);
        }
    }

    private String product() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the dashboard sessions", e);
        }
    }
}
