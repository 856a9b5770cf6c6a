package dev.parley.identity;

import dev.parley.identity.AgentEvents.AgentChanged;
import dev.parley.identity.AgentEvents.AgentSignedIn;
import dev.parley.identity.AgentEvents.AgentSignedOut;
import dev.parley.identity.internal.AgentRepository;
import dev.parley.identity.internal.ApiTokenRepository;
import dev.parley.identity.internal.TeamRepository;
import dev.parley.shared.ApiException;
import dev.parley.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API: agents, their teams, passwords and sign-in records. */
@Service
public class Agents {

    private final AgentRepository agents;
    private final TeamRepository teams;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final IdentitySettings settings;
    private final Clock clock;
    private final ApiTokenRepository tokens;

    Agents(AgentRepository agents, TeamRepository teams, PasswordEncoder passwords, AuditLog audit,
            ApplicationEventPublisher events, IdentitySettings settings, Clock clock, ApiTokenRepository tokens) {
        this.tokens = tokens;
        this.agents = agents;
        this.teams = teams;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public CreatedAgent create(Actor actor, NewAgent request) {
        String email = normalizeEmail(request.email());
        if (agents.findByEmail(email).isPresent()) {
            throw ApiException.conflict("An agent with email " + email + " already exists");
        }
        boolean generated = request.password() == null || request.password().isBlank();
        String password = generated ? Secrets.newToken().substring(0, 20) : validPassword(request.password());
        Agent agent = new Agent(UUID.randomUUID(), validName(request.name()), email,
                request.role() == null ? Role.AGENT : request.role(), true, validCapacity(request.maxConcurrent()),
                validTeams(request.teamIds()), clock.instant());
        agents.insert(agent, passwords.encode(password));
        audit.record(actor, "agent.created", agent.email(), "role=" + agent.role());
        events.publishEvent(new AgentChanged(agent.id(), true, agent.createdAt()));
        return new CreatedAgent(agent, generated ? password : null);
    }

    @Transactional
    public Agent update(Actor actor, UUID id, AgentChanges changes) {
        Agent current = get(id);
        Agent updated = new Agent(id,
                changes.name() != null ? validName(changes.name()) : current.name(), current.email(),
                changes.role() != null ? changes.role() : current.role(),
                changes.active() != null ? changes.active() : current.active(),
                changes.clearMaxConcurrent() ? null
                        : changes.maxConcurrent() != null ? validCapacity(changes.maxConcurrent()) : current.maxConcurrent(),
                changes.teamIds() != null ? validTeams(changes.teamIds()) : current.teamIds(), current.createdAt());
        boolean losesAdmin = current.role() == Role.ADMIN && current.active()
                && (updated.role() != Role.ADMIN || !updated.active());
        Instant now = clock.instant();
        agents.update(updated, now);
        if (losesAdmin && !agents.activeAdminExists()) {
            throw ApiException.conflict("At least one active admin must remain");
        }
        if (current.active() && !updated.active()) {
            // Sessions end at their next request (AgentSessionRefreshFilter); tokens must not revive on reactivation.
            tokens.deleteAll(id);
        }
        audit.record(actor, "agent.updated", updated.email(), describe(current, updated));
        events.publishEvent(new AgentChanged(id, updated.active(), now));
        return updated;
    }

    /**
     * Sets a new password (an admin's reset). The agent's API tokens are revoked, and the agent's sessions end
     * at their next request (AgentSessionRefreshFilter notices the changed password): whoever knew the old
     * password or held a token is out.
     */
    @Transactional
    public void changePassword(Actor actor, UUID id, String newPassword) {
        Agent agent = get(id);
        agents.updatePassword(id, passwords.encode(validPassword(newPassword)), clock.instant());
        int revoked = tokens.deleteAll(id);
        if (!agent.id().equals(actor.id())) {
            audit.record(actor, "agent.password-reset", agent.email(), revoked > 0 ? "tokens revoked: " + revoked : null);
        }
    }

    /** The agent changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        String hash = agents.passwordHash(actor.id()).orElseThrow(() -> ApiException.notFound("Agent " + actor.id()));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw ApiException.badRequest("The current password is not right; the password was not changed");
        }
        changePassword(actor, actor.id(), newPassword);
    }

    public Optional<Agent> find(UUID id) {
        return agents.find(id);
    }

    public Agent get(UUID id) {
        return agents.find(id).orElseThrow(() -> ApiException.notFound("Agent " + id));
    }

    public Optional<Agent> findByEmail(String email) {
        return email == null ? Optional.empty() : agents.findByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    public List<Agent> all() {
        return agents.all();
    }

    public boolean activeAdminExists() {
        return agents.activeAdminExists();
    }

    public List<Team> teams() {
        return teams.all();
    }

    public Optional<Team> team(UUID id) {
        return teams.find(id);
    }

    @Transactional
    public Team createTeam(Actor actor, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw ApiException.badRequest("A team name is required (at most 100 characters)");
        }
        if (teams.findByName(clean).isPresent()) {
            throw ApiException.conflict("A team named " + clean + " already exists");
        }
        Team team = new Team(UUID.randomUUID(), clean);
        teams.insert(team, clock.instant());
        audit.record(actor, "team.created", clean, null);
        return team;
    }

    /** Records a successful sign-in in the audit log and tells presence the agent is here. */
    @Transactional
    public void signedIn(UUID agentId) {
        Agent agent = get(agentId);
        audit.record(Actor.of(agent), "sign-in", agent.email(), null);
        events.publishEvent(new AgentSignedIn(agentId, clock.instant()));
    }

    @Transactional
    public void signInFailed(String attemptedEmail, String reason) {
        String email = attemptedEmail == null || attemptedEmail.isBlank() ? "(blank)" : attemptedEmail.strip();
        audit.record(new Actor(findByEmail(email).map(Agent::id).orElse(null), email, Role.AGENT),
                "sign-in-failed", email, reason);
    }

    @Transactional
    public void signedOut(UUID agentId) {
        find(agentId).ifPresent(agent -> audit.record(Actor.of(agent), "sign-out", agent.email(), null));
        events.publishEvent(new AgentSignedOut(agentId, clock.instant()));
    }

    private String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw ApiException.badRequest("name is required (at most 200 characters)");
        }
        return clean;
    }

    private static String normalizeEmail(String email) {
        String clean = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (clean.length() > 320 || !clean.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiException.badRequest("email must be a valid email address");
        }
        return clean;
    }

    String validPassword(String password) {
        if (password == null || password.length() < settings.minPasswordLength() || password.length() > 128) {
            throw ApiException.badRequest("password must be " + settings.minPasswordLength() + " to 128 characters");
        }
        return password;
    }

    private static Integer validCapacity(Integer max) {
        if (max != null && (max < 0 || max > 1000)) {
            throw ApiException.badRequest("maxConcurrent must be between 0 and 1000");
        }
        return max;
    }

    private List<UUID> validTeams(List<UUID> teamIds) {
        List<UUID> ids = teamIds == null ? List.of() : teamIds.stream().distinct().toList();
        for (UUID id : ids) {
            if (teams.find(id).isEmpty()) {
                throw ApiException.badRequest("Team " + id + " does not exist");
            }
        }
        return ids;
    }

    private static String describe(Agent before, Agent after) {
        StringBuilder s = new StringBuilder();
        if (before.role() != after.role()) s.append("role ").append(before.role()).append("->").append(after.role()).append(' ');
        if (before.active() != after.active()) s.append(after.active() ? "reactivated " : "deactivated ");
        if (!java.util.Objects.equals(before.maxConcurrent(), after.maxConcurrent())) s.append("capacity=").append(after.maxConcurrent()).append(' ');
        if (!before.name().equals(after.name())) s.append("renamed ");
        if (!before.teamIds().equals(after.teamIds())) s.append("teams changed");
        return s.toString().strip();
    }
}
