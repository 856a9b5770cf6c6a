package dev.parley.identity;

import dev.parley.identity.internal.ApiTokenRepository;
import dev.parley.identity.internal.TokenUses;
import dev.parley.shared.ApiException;
import dev.parley.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API ({@code Authorization: Bearer pat_...}). A token acts with its
 * owner's role; only its hash is stored, so a database leak does not leak tokens.
 */
@Service
public class ApiTokens {

    /** Every personal token starts with this, so it is told apart from a widget conversation token. */
    public static final String PREFIX = "pat_";

    private final ApiTokenRepository tokens;
    private final Agents agents;
    private final Clock clock;
    private final AuditLog audit;
    private final TokenUses uses;

    ApiTokens(ApiTokenRepository tokens, Agents agents, Clock clock, AuditLog audit, TokenUses uses) {
        this.audit = audit;
        this.uses = uses;
        this.tokens = tokens;
        this.agents = agents;
        this.clock = clock;
    }

    /** Creates a token and returns its secret, which is never shown again. */
    @Transactional
    public String create(UUID agentId, String name) {
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 100) {
            throw ApiException.badRequest("The token name must be at most 100 characters");
        }
        Agent owner = agents.get(agentId);
        String secret = PREFIX + Secrets.newToken();
        UUID id = UUID.randomUUID();
        tokens.insert(new ApiToken(id, agentId, label, clock.instant(), null), Secrets.sha256Hex(secret));
        audit.record(Actor.of(owner), "api-token.created", owner.email(), label + " (" + id + ")");
        return secret;
    }

    public List<ApiToken> of(UUID agentId) {
        return tokens.ofAgent(agentId);
    }

    @Transactional
    public void revoke(UUID agentId, UUID tokenId) {
        if (!tokens.delete(agentId, tokenId)) {
            throw ApiException.notFound("API token " + tokenId);
        }
        Agent owner = agents.get(agentId);
        audit.record(Actor.of(owner), "api-token.revoked", owner.email(), tokenId.toString());
    }

    /**
     * The active agent a token belongs to; empty for unknown tokens and deactivated agents. The token's last use
     * is written at most once a minute per node ({@link TokenUses}).
     */
    @Transactional
    public Optional<Agent> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(secret);
        Optional<Agent> agent = tokens.agentByHash(hash).flatMap(agents::find).filter(Agent::active);
        if (agent.isPresent()) {
            Instant now = clock.instant();
            if (uses.due(hash, now)) {
                tokens.touch(hash, now);
            }
        }
        return agent;
    }
}
