package dev.parley.notification.internal;

import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.events.OutboundListener;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * Emails an agent when a conversation is assigned to them, unless they turned it off or took it themselves (by
 * replying, or by hand): those get no event publication either.
 */
@Component
class AssignmentMail {

    private final AgentMail mail;
    private final Agents agents;
    private final NotificationPreferences preferences;
    private final NotificationSettings settings;

    AssignmentMail(AgentMail mail, Agents agents, NotificationPreferences preferences, NotificationSettings settings) {
        this.mail = mail;
        this.agents = agents;
        this.preferences = preferences;
        this.settings = settings;
    }

    @OutboundListener(condition = "#event.assigneeId() != null and !#event.selfAssigned()")
    void on(ConversationAssigned event) {
        if (event.assigneeId() == null || event.selfAssigned() || !mail.available()) {
            return;
        }
        Agent agent = agents.find(event.assigneeId()).filter(Agent::active).orElse(null);
        if (agent == null || !preferences.of(agent.id()).emailOnAssignment()) {
            return;
        }
        String subject = MailText.subject(event.subject());
        mail.send(agent.email(), agent.name(), "Assigned to you: " + subject, """
                Hello %s,

                a conversation with %s was assigned to you: "%s".

                Open it: %s

                --
                You get this mail because "Email me when a conversation is assigned to me" is on: %s
                """.formatted(agent.name(), MailText.customer(event.customerName()), subject,
                settings.link("/inbox/conversations/" + event.conversationId()),
                settings.link("/account/notifications")));
    }
}
