package dev.parley.notification.internal;

import dev.parley.events.OutboundListener;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.notification.NotificationSettings;
import dev.parley.sla.SlaEvents.SlaBreached;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Emails that an SLA target was missed: to the conversation's assignee, or while nobody holds it to the supervisors
 * (who can hand it to someone). One mail per breach: the sla module publishes each breach once.
 */
@Component
class SlaBreachMail {

    private static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private final AgentMail mail;
    private final Agents agents;
    private final NotificationSettings settings;

    SlaBreachMail(AgentMail mail, Agents agents, NotificationSettings settings) {
        this.mail = mail;
        this.agents = agents;
        this.settings = settings;
    }

    @OutboundListener
    void on(SlaBreached event) {
        if (!mail.available()) {
            return;
        }
        List<Agent> recipients = event.assigneeId() != null
                ? agents.find(event.assigneeId()).filter(Agent::active).stream().toList()
                : agents.all().stream().filter(Agent::active).filter(a -> a.role() == Role.SUPERVISOR).toList();
        String subject = MailText.subject(event.subject());
        String target = event.target().label().toLowerCase(java.util.Locale.ROOT);
        for (Agent agent : recipients) {
            mail.send(agent.email(), agent.name(), "SLA missed: " + target + " for \"" + subject + "\"", """
                    Hello %s,

                    the %s target of "%s" was due at %s (UTC) and has not been met.%s

                    Open it: %s
                    """.formatted(agent.name(), target, subject, DUE.format(event.dueAt()),
                    event.assigneeId() == null ? " Nobody holds the conversation yet." : "",
                    settings.link("/inbox/conversations/" + event.conversationId())));
        }
    }
}
