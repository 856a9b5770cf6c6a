package dev.parley.identity;

import dev.parley.identity.internal.AuditRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records who did what and when: every sign-in and every supervisor or admin action. Admins browse it. */
@Service
public class AuditLog {

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String target, String detail) {
        entries.append(new AuditEntry(0, clock.instant(), actor.id(), actor.name(), action, target, detail,
                currentIp()));
    }

    /**
     * Records for whoever is signed in on this thread, or for the system when nobody is (demo content on start,
     * scheduled site syncs): for modules that change data on behalf of the caller without knowing who it is.
     */
    public void recordForCurrent(String action, String target, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent
                ? agent.actor() : Actor.SYSTEM;
        record(actor, action, target, detail);
    }

    /** Newest first. */
    public List<AuditEntry> page(String action, int offset, int limit) {
        return entries.page(action, Math.max(0, offset), Math.clamp(limit, 1, 500));
    }

    public long count(String action) {
        return entries.count(action);
    }

    private static String currentIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
