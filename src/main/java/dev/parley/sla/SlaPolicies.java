package dev.parley.sla;

import dev.parley.conversation.Priority;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.sla.internal.SlaPolicyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SLA targets per priority. Changing them sets the due times of conversations handed to people from then on. */
@Service
public class SlaPolicies {

    private final SlaPolicyRepository policies;
    private final AuditLog audit;
    private final Clock clock;

    SlaPolicies(SlaPolicyRepository policies, AuditLog audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    public Map<Priority, SlaPolicy> all() {
        return policies.all();
    }

    public SlaPolicy of(Priority priority) {
        return all().get(priority);
    }

    /** Targets as typed ("4h", "45m", blank for none) per priority; throws {@link InvalidCalendar} naming each mistake. */
    @Transactional
    public void save(Actor actor, Map<Priority, String[]> targets) {
        List<String> errors = new ArrayList<>();
        List<SlaPolicy> parsed = new ArrayList<>();
        targets.forEach((priority, pair) -> {
            String name = priority.name().charAt(0) + priority.name().substring(1).toLowerCase(Locale.ROOT);
            try {
                parsed.add(new SlaPolicy(priority, SlaPolicy.parse(name + " first response", pair[0]),
                        SlaPolicy.parse(name + " resolution", pair[1])));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidCalendar(errors);
        }
        parsed.forEach(policy -> {
            policies.save(policy, clock.instant());
            audit.record(actor, "sla-policy.update", policy.priority().name(), "first response "
                    + orNone(policy.firstResponse()) + ", resolution " + orNone(policy.resolution()));
        });
    }

    private static String orNone(java.time.Duration target) {
        return target == null ? "none" : SlaPolicy.format(target);
    }
}
