package dev.parley.channel.widget;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The web channel's identity-verification data: the site's signing secrets (sealed values), the signatures already
 * used, and the identity sessions the widget holds. A session's customer id, email and name are sealed here and
 * opened when read (issue 17); sessions are found by their token's hash. Public within the channel module only for
 * {@code channel.web}.
 */
@Repository
public class WidgetIdentityStore {

    /** A signing secret as stored: {@code sealed} is the encryption module's value; null dates mean "current". */
    public record StoredSecret(UUID id, String sealed, Instant createdAt, Instant retiredAt, Instant acceptedUntil) {
    }

    /** A verified identity the widget holds a token for. */
    public record Session(String customerId, String email, String name, Instant expiresAt) {
    }

    static final String CUSTOMER_ID_PURPOSE = "channel.widget.session.customer-id";
    static final String EMAIL_PURPOSE = "channel.widget.session.email";
    static final String NAME_PURPOSE = "channel.widget.session.name";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    WidgetIdentityStore(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Bean
    static EncryptedColumn widgetSessionCustomerIdColumn() {
        return EncryptedColumn.of("widget_identity_session", "token_hash", "customer_id", CUSTOMER_ID_PURPOSE);
    }

    @Bean
    static EncryptedColumn widgetSessionEmailColumn() {
        return EncryptedColumn.of("widget_identity_session", "token_hash", "email", EMAIL_PURPOSE);
    }

    @Bean
    static EncryptedColumn widgetSessionNameColumn() {
        return EncryptedColumn.of("widget_identity_session", "token_hash", "name", NAME_PURPOSE);
    }

    /** Current first, then the retired ones newest first. */
    public List<StoredSecret> secrets() {
        return jdbc.sql("SELECT * FROM widget_identity_secret ORDER BY retired_at DESC NULLS FIRST, created_at DESC")
                .query(WidgetIdentityStore::secret).list();
    }

    /** Retires the current secret (still accepted until {@code acceptedUntil}) and makes {@code sealed} current. */
    public void rotate(UUID id, String sealed, Instant now, Instant acceptedUntil) {
        jdbc.sql("UPDATE widget_identity_secret SET retired_at = :now, accepted_until = :until WHERE retired_at IS NULL")
                .param("now", ts(now)).param("until", ts(acceptedUntil)).update();
        jdbc.sql("INSERT INTO widget_identity_secret (id, secret, created_at) VALUES (:id, :secret, :at)")
                .param("id", id).param("secret", sealed).param("at", ts(now)).update();
    }

    /** Ends the grace period of every retired secret now (a leaked secret stops working at once). */
    public int revokeRetired(Instant now) {
        return jdbc.sql("UPDATE widget_identity_secret SET accepted_until = :now"
                        + " WHERE retired_at IS NOT NULL AND accepted_until > :now")
                .param("now", ts(now)).update();
    }

    /** Remembers a signature until {@code expiresAt}; false when it was used before (a replay). */
    public boolean firstUse(String signatureHash, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM widget_identity_signature WHERE expires_at < :now").param("now", ts(now)).update();
        try {
            return jdbc.sql("INSERT INTO widget_identity_signature (signature_hash, expires_at) VALUES (:hash, :until)")
                    .param("hash", signatureHash).param("until", ts(expiresAt)).update() == 1;
        } catch (DuplicateKeyException replayed) {
            return false;
        }
    }

    public void insertSession(String tokenHash, Session session, Instant now) {
        jdbc.sql("DELETE FROM widget_identity_session WHERE expires_at < :now").param("now", ts(now)).update();
        jdbc.sql("""
                INSERT INTO widget_identity_session (token_hash, customer_id, email, name, created_at, expires_at)
                VALUES (:hash, :customer, :email, :name, :at, :until)""")
                .param("hash", tokenHash).param("customer", encryption.encrypt(session.customerId(), CUSTOMER_ID_PURPOSE))
                .param("email", encryption.encrypt(session.email(), EMAIL_PURPOSE))
                .param("name", encryption.encrypt(session.name(), NAME_PURPOSE)).param("at", ts(now)).param("until", ts(session.expiresAt())).update();
    }

    /** The session of a token hash while it has not expired. */
    public Optional<Session> session(String tokenHash, Instant now) {
        return jdbc.sql("SELECT * FROM widget_identity_session WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", tokenHash).param("now", ts(now))
                .query((rs, i) -> new Session(encryption.decrypt(rs.getString("customer_id"), CUSTOMER_ID_PURPOSE),
                        encryption.decrypt(rs.getString("email"), EMAIL_PURPOSE),
                        encryption.decrypt(rs.getString("name"), NAME_PURPOSE), instant(rs, "expires_at")))
                .optional();
    }

    private static StoredSecret secret(ResultSet rs, int row) throws SQLException {
        return new StoredSecret(rs.getObject("id", UUID.class), rs.getString("secret"), instant(rs, "created_at"),
                instant(rs, "retired_at"), instant(rs, "accepted_until"));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
