package dev.parley.identity;

import dev.parley.identity.internal.PasswordResetRepository;
import dev.parley.shared.AfterCommit;
import dev.parley.shared.ApiException;
import dev.parley.shared.Secrets;
import dev.parley.shared.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a single-use link by email that lets the agent set a new password. Whoever asks learns
 * nothing about which addresses have accounts; the token is stored only as a hash and expires
 * ({@code parley.identity.password-reset-ttl}). Using it signs out every session and revokes every API token.
 */
@Service
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final Duration HOUR = Duration.ofHours(1);

    private final PasswordResetRepository resets;
    private final Agents agents;
    private final ObjectProvider<PasswordResetMail> mail;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final IdentitySettings settings;
    private final Clock clock;

    PasswordResets(PasswordResetRepository resets, Agents agents, ObjectProvider<PasswordResetMail> mail,
            RateLimiter limiter, AuditLog audit, IdentitySettings settings, Clock clock) {
        this.resets = resets;
        this.agents = agents;
        this.mail = mail;
        this.limiter = limiter;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether links can be sent by email at all (a mail server is configured). */
    public boolean available() {
        PasswordResetMail sender = mail.getIfAvailable();
        return sender != null && sender.available();
    }

    /**
     * Sends a link when {@code email} belongs to an active agent; otherwise does nothing, and the caller cannot tell
     * the difference (the mail goes out in the background, so not even by the time taken). Throws 429 when
     * {@code clientIp} asked too often.
     */
    @Transactional
    public void request(String email, String clientIp) {
        limiter.check("password-reset:" + clientIp, settings.passwordResetsPerHour(), HOUR, "password reset requests");
        PasswordResetMail sender = mail.getIfAvailable();
        if (sender == null || !sender.available()) {
            return;
        }
        Optional<Agent> agent = agents.findByEmail(email).filter(Agent::active);
        // Someone else asking for many links must not flood the agent's mailbox either.
        if (agent.isEmpty() || !limiter.hit("password-reset-agent:" + agent.get().id(), settings.passwordResetsPerHour(),
                HOUR).isZero()) {
            return;
        }
        String token = Secrets.newToken();
        Instant now = clock.instant();
        resets.insert(Secrets.sha256Hex(token), agent.get().id(), now, now.plus(settings.passwordResetTtl()));
        audit.record(Actor.of(agent.get()), "password-reset.requested", agent.get().email(), null);
        Agent to = agent.get();
        AfterCommit.run(() -> Thread.ofVirtual().name("password-reset-mail").start(() -> send(sender, to, token)));
    }

    private static void send(PasswordResetMail sender, Agent to, String token) {
        try {
            sender.send(to.email(), to.name(), "/password-reset/" + token);
        } catch (RuntimeException e) {
            log.warn("Could not send the password-reset link to agent {}: {}", to.id(), e.getMessage());
        }
    }

    /** The agent whose link this is, while the link still works. */
    public Optional<Agent> holder(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return resets.holder(Secrets.sha256Hex(token), clock.instant()).flatMap(agents::find).filter(Agent::active);
    }

    /**
     * Sets the new password and uses the link up (with every other link of the agent). The password rules are the
     * same as everywhere; a password that breaks them leaves the link working.
     */
    @Transactional
    public Agent reset(String token, String newPassword) {
        agents.validPassword(newPassword);
        UUID agentId = holder(token)
                .flatMap(agent -> resets.consume(Secrets.sha256Hex(token), clock.instant()))
                .orElseThrow(() -> new ApiException(HttpStatus.GONE, "Link no longer works",
                        "This password-reset link has expired or was already used. Ask for a new one."));
        Agent agent = agents.get(agentId);
        agents.changePassword(Actor.of(agent), agentId, newPassword);
        audit.record(Actor.of(agent), "password-reset.completed", agent.email(),
                "signed out everywhere, API tokens revoked");
        return agent;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    @SchedulerLock(name = "identity.password-reset-cleanup", lockAtMostFor = "PT5M")
    void forgetExpiredLinks() {
        resets.deleteExpired(clock.instant().minus(Duration.ofDays(1)));
    }
}
