package dev.parley.notification.internal;

import dev.parley.events.OutboundListener;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.notification.NotificationSettings;
import dev.parley.workspace.AgentMentioned;
import org.springframework.stereotype.Component;

/** Emails an agent a colleague mentioned in an internal note, unless they turned it off. */
@Component
class MentionMail {

    private final AgentMail mail;
    private final Agents agents;
    private final NotificationPreferences preferences;
    private final NotificationSettings settings;

    MentionMail(AgentMail mail, Agents agents, NotificationPreferences preferences, NotificationSettings settings) {
        this.mail = mail;
        this.agents = agents;
        this.preferences = preferences;
        this.settings = settings;
    }

    @OutboundListener
    void on(AgentMentioned event) {
        if (!mail.available()) {
            return;
        }
        Agent agent = agents.find(event.agentId()).filter(Agent::active).orElse(null);
        if (agent == null || !preferences.of(agent.id()).emailOnMention()) {
            return;
        }
        String subject = MailText.subject(event.subject());
        mail.send(agent.email(), agent.name(), event.byName() + " mentioned you: " + subject, """
                Hello %s,

                %s mentioned you in an internal note on "%s":

                %s

                Open it: %s

                --
                You get this mail because "Email me when a colleague mentions me" is on: %s
                """.formatted(agent.name(), event.byName(), subject, event.excerpt(),
                settings.link("/inbox/conversations/" + event.conversationId()),
                settings.link("/account/notifications")));
    }
}
