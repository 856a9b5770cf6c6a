package dev.parley.channel.email;

import dev.parley.channel.email.EmailConfiguration.MailWire;
import dev.parley.channel.email.FollowUpRepository.FollowUp;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Contact;
import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import dev.parley.conversation.Reader;
import dev.parley.mail.MailDeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mails one chat conversation's unread replies through an email inbox and makes that inbox find the chat again:
 * the mail's Message-ID and the ticket token become thread keys of the chat conversation in the email inbox, so
 * the customer's answer is stored in the chat (its inbox stays the website chat).
 */
@Component
class FollowUpSender {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSender.class);
    private static final int MAX_REPLIES = 200;

    private final Conversations conversations;
    private final Contacts contacts;
    private final Mailboxes mailboxes;
    private final FollowUpRepository repository;
    private final MailWire wire;
    private final String continuityInbox;
    private final Clock clock;
    private final AtomicReference<String> lastProblem = new AtomicReference<>();

    FollowUpSender(Conversations conversations, Contacts contacts, Mailboxes mailboxes, FollowUpRepository repository,
            MailWire wire, @Value("${parley.widget.continuity-inbox:}") String continuityInbox, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.mailboxes = mailboxes;
        this.repository = repository;
        this.wire = wire;
        this.continuityInbox = continuityInbox == null ? "" : continuityInbox.strip().toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    /** The inbox follow-ups leave from: the one named by the setting, else the first enabled email inbox. */
    Optional<Mailbox> mailbox() {
        List<Mailbox> active = mailboxes.active();
        Optional<Mailbox> chosen = continuityInbox.isEmpty() ? active.stream().findFirst()
                : active.stream().filter(m -> continuityInbox.equals(m.address())).findFirst();
        if (chosen.isEmpty()) {
            problemOnce(continuityInbox.isEmpty() ? "No email inbox is configured: unread chat replies are not mailed"
                    : "parley.widget.continuity-inbox names " + continuityInbox
                            + ", which is not an enabled email inbox: unread chat replies are not mailed");
        } else {
            lastProblem.set(null);
        }
        return chosen;
    }

    void followUp(FollowUp due, Mailbox mailbox, Duration emailAfter) {
        Instant now = clock.instant();
        Optional<Conversation> found = conversations.find(due.conversationId());
        if (found.isEmpty() || found.get().status() == ConversationStatus.CLOSED) {
            repository.reschedule(due.conversationId(), null);
            return;
        }
        Conversation conversation = found.get();
        long after = Math.max(due.lastMailedSeq(), conversations.readMarker(conversation.id(), Reader.CUSTOMER));
        List<Message> unread = conversations.visibleMessages(conversation.id(), after, MAX_REPLIES).stream()
                .filter(m -> m.authorType() != AuthorType.CUSTOMER).toList();
        Instant cutoff = now.minus(emailAfter);
        List<Message> ready = unread.stream().filter(m -> !m.createdAt().isAfter(cutoff)).toList();
        Instant nextDue = unread.stream().filter(m -> m.createdAt().isAfter(cutoff)).findFirst()
                .map(m -> m.createdAt().plus(emailAfter)).orElse(null);
        Optional<String> to = emailOf(conversation);
        if (ready.isEmpty() || to.isEmpty()) {
            // Read in the chat meanwhile, or nowhere to mail to: nothing now; a later reply may still fall due.
            repository.reschedule(conversation.id(), nextDue);
            return;
        }
        try {
            String messageId = wire.mailer().send(mailbox.smtp(), FollowUpMail.compose(mailbox.inbox(), conversation,
                    to.get(), conversation.customer().name(), ready, conversations.threadKeys(conversation.id())));
            conversations.addThreadKeys(conversation.id(), mailbox.inbox().id(), List.of(messageId,
                    InboundMail.ticketKey(InboundMail.ticketToken(conversation.id()))));
            repository.mailed(conversation.id(), ready.getLast().seq(), now, nextDue);
        } catch (MailDeliveryException e) {
            log.warn("Mailing unread replies of conversation {} failed{}: {}", conversation.id(),
                    e.permanent() ? " for good" : " (tried again next time)", e.getMessage());
            if (e.permanent()) {
                repository.mailed(conversation.id(), ready.getLast().seq(), due.dueAt(), nextDue);
            }
        } catch (IllegalArgumentException e) {
            log.warn("Unread replies of conversation {} cannot be mailed: {}", conversation.id(), e.getMessage());
            repository.reschedule(conversation.id(), nextDue);
        }
    }

    private Optional<String> emailOf(Conversation conversation) {
        return Optional.ofNullable(conversation.contactId()).flatMap(contacts::find).map(Contact::email)
                .or(() -> Optional.ofNullable(conversation.customer().email()))
                .filter(email -> !email.isBlank());
    }

    private void problemOnce(String problem) {
        if (!problem.equals(lastProblem.getAndSet(problem))) {
            log.info(problem);
        }
    }
}
