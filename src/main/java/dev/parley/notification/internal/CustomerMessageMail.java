package dev.parley.notification.internal;

import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.events.OutboundListener;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.notification.NotificationSettings;
import dev.parley.workspace.AgentAvailability;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails the assignee when their customer writes while they are not online (away or offline: the dashboard may not
 * be in front of them), unless they turned it off. One mail per conversation per quiet period
 * ({@code parley.notifications.customer-message-quiet-period}), so a chatty customer does not flood the mailbox.
 */
@Component
class CustomerMessageMail {

    private static final int EXCERPT = 500;

    private final AgentMail mail;
    private final Agents agents;
    private final AgentAvailability availability;
    private final NotificationPreferences preferences;
    private final CustomerMessageMails sent;
    private final NotificationSettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    CustomerMessageMail(AgentMail mail, Agents agents, AgentAvailability availability,
            NotificationPreferences preferences, CustomerMessageMails sent, NotificationSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.mail = mail;
        this.agents = agents;
        this.availability = availability;
        this.preferences = preferences;
        this.sent = sent;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Only an assigned conversation's agent is mailed; other messages get no publication (ADR 0022). */
    @OutboundListener(condition = "#event.assigneeId() != null")
    void on(MessageReceived event) {
        if (event.assigneeId() == null || !mail.available() || availability.isOnline(event.assigneeId())) {
            return;
        }
        Agent agent = agents.find(event.assigneeId()).filter(Agent::active).orElse(null);
        if (agent == null || !preferences.of(agent.id()).emailOnCustomerMessage()) {
            return;
        }
        // Stored with microseconds: the same instant gives the claim back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.minus(settings.customerMessageQuietPeriod());
        if (!Boolean.TRUE.equals(ownTransaction.execute(status -> sent.claim(event.conversationId(), now, cutoff)))) {
            return;
        }
        try {
            send(event, agent);
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(status -> sent.release(event.conversationId(), now));
            throw e;
        }
    }

    private void send(MessageReceived event, Agent agent) {
        String subject = MailText.subject(event.subject());
        String customer = MailText.customer(event.authorName());
        mail.send(agent.email(), agent.name(), "New message from " + customer + ": " + subject, """
                Hello %s,

                %s wrote in "%s" while you were not online:

                %s

                Answer: %s

                --
                Further messages in this conversation send no mail for %s. You get this mail because "Email me when a
                customer writes while I am not online" is on: %s
                """.formatted(agent.name(), customer, subject, MailText.excerpt(event.text(), EXCERPT),
                settings.link("/inbox/conversations/" + event.conversationId()),
                readable(settings.customerMessageQuietPeriod()), settings.link("/account/notifications")));
    }

    private static String readable(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : duration.toSeconds() + " seconds";
    }
}
