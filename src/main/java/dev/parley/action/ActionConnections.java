package dev.parley.action;

import dev.parley.action.internal.ActionStore;
import dev.parley.action.internal.ActionStore.StoredConnection;
import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.shared.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Connections: the credentials an action's request carries (an API key header, a bearer token or basic auth),
 * stored sealed, never shown again, never in an export, a log or an LLM prompt.
 */
@Component
public class ActionConnections {

    static final String PURPOSE = "action.connection.secret";

    public enum Kind { API_KEY, BEARER, BASIC }

    /** A connection as admins see it: without its secret. */
    public record Connection(UUID id, String name, Kind kind, String headerName, String username, Instant createdAt) {
    }

    private final ActionStore store;
    private final Encryption encryption;
    private final AuditLog audit;
    private final Clock clock;

    ActionConnections(ActionStore store, Encryption encryption, AuditLog audit, Clock clock) {
        this.store = store;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
    }

    @Bean
    static EncryptedColumn actionConnectionSecretColumn() {
        return EncryptedColumn.of("action_connection", "id", "secret", PURPOSE);
    }

    public List<Connection> all() {
        return store.connections().stream().map(ActionConnections::shown).toList();
    }

    public Connection create(Actor actor, String name, Kind kind, String headerName, String username, String secret) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.badRequest("name is required (at most 100 characters)");
        }
        if (kind == null) {
            throw ApiException.badRequest("kind must be API_KEY, BEARER or BASIC");
        }
        if (secret == null || secret.isBlank() || secret.length() > 1000 || secret.contains("\n")) {
            throw ApiException.badRequest("secret is required: one line, at most 1000 characters");
        }
        if (kind == Kind.API_KEY && (headerName == null || !headerName.matches("[A-Za-z0-9-]{1,100}"))) {
            throw ApiException.badRequest("headerName is required for an API key (letters, digits, dashes)");
        }
        if (kind == Kind.BASIC && (username == null || username.isBlank() || username.contains(":"))) {
            throw ApiException.badRequest("username is required for basic auth (without ':')");
        }
        if (store.connection(name.strip()).isPresent()) {
            throw ApiException.conflict("A connection named '" + name.strip() + "' exists already");
        }
        StoredConnection stored = new StoredConnection(UUID.randomUUID(), name.strip(), kind.name(),
                kind == Kind.API_KEY ? headerName : null, kind == Kind.BASIC ? username.strip() : null,
                encryption.encrypt(secret.strip(), PURPOSE), clock.instant());
        store.insertConnection(stored);
        audit.record(actor, "action.connection.created", stored.id().toString(), stored.name());
        return shown(stored);
    }

    public void delete(Actor actor, UUID id) {
        if (!store.deleteConnection(id)) {
            throw ApiException.notFound("Connection " + id);
        }
        audit.record(actor, "action.connection.deleted", id.toString(), null);
    }

    boolean exists(String name) {
        return store.connection(name).isPresent();
    }

    /** The headers that authenticate a request with the named connection. */
    Map<String, String> authorization(String name) {
        StoredConnection c = store.connection(name)
                .orElseThrow(() -> new IllegalArgumentException("the connection '" + name + "' does not exist"));
        String secret = encryption.decrypt(c.sealedSecret(), PURPOSE);
        return switch (Kind.valueOf(c.kind())) {
            case API_KEY -> Map.of(c.headerName(), secret);
            case BEARER -> Map.of("Authorization", "Bearer " + secret);
            case BASIC -> Map.of("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((c.username() + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        };
    }

    private static Connection shown(StoredConnection c) {
        return new Connection(c.id(), c.name(), Kind.valueOf(c.kind()), c.headerName(), c.username(), c.createdAt());
    }
}
