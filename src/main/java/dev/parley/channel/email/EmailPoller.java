package dev.parley.channel.email;

import dev.parley.channel.email.EmailConfiguration.MailWire;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.InboundMessages;
import dev.parley.mail.Automated;
import dev.parley.mail.FetchedMail;
import dev.parley.mail.ImapMailbox;
import dev.parley.mail.MailboxException;
import dev.parley.mail.ParsedMail;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes new mail of one mailbox: every mail once (the highest UID taken is stored after each mail, and the
 * conversation module takes a Message-ID once per inbox, so a crash, a restart or a second node never
 * duplicates). Machine mail (auto-replies, bounces, lists) is never answered. One bad mail never stops the rest:
 * after three failures it is skipped (it stays on the server) and the poller moves on.
 */
@Component
class EmailPoller {

    static final int MAX_FAILURES_PER_MAIL = 3;
    private static final Logger log = LoggerFactory.getLogger(EmailPoller.class);

    private final MailboxRepository repository;
    private final InboundMessages inbound;
    private final Conversations conversations;
    private final MailWire wire;
    private final EmailSettings settings;
    private final Clock clock;

    EmailPoller(MailboxRepository repository, InboundMessages inbound, Conversations conversations, MailWire wire,
            EmailSettings settings, Clock clock) {
        this.repository = repository;
        this.inbound = inbound;
        this.conversations = conversations;
        this.wire = wire;
        this.settings = settings;
        this.clock = clock;
    }

    /** Polls once; an unreachable server is recorded (admin page, health) and retried at the next poll. */
    void poll(Mailbox mailbox) {
        try (ImapMailbox imap = ImapMailbox.open(mailbox.imap(), settings.timeout())) {
            MailboxState state = repository.find(mailbox.inbox().id()).orElseThrow();
            long validity = imap.uidValidity();
            long lastUid = state.lastUid();
            if (state.uidValidity() == null || state.uidValidity() != validity) {
                if (state.uidValidity() != null) {
                    log.warn("Mailbox {} has a new UIDVALIDITY ({} -> {}); reading it again (Message-IDs prevent"
                            + " duplicates)", mailbox.address(), state.uidValidity(), validity);
                }
                repository.resetUids(mailbox.inbox().id(), validity);
                lastUid = 0;
            }
            List<FetchedMail> batch = imap.fetchAfter(lastUid, settings.batchSize(), settings.maxMailSize().toBytes());
            for (FetchedMail mail : batch) {
                if (!take(mailbox, validity, mail)) {
                    break;
                }
                repository.advance(mailbox.inbox().id(), mail.uid());
            }
            repository.polled(mailbox.inbox().id(), clock.instant());
        } catch (MailboxException | RuntimeException e) {
            log.warn("Polling {} failed: {}", mailbox.address(), e.getMessage());
            repository.pollFailed(mailbox.inbox().id(), e.getMessage(), clock.instant());
        }
    }

    /** Takes one mail; false when it failed and should be tried again at the next poll. */
    private boolean take(Mailbox mailbox, long validity, FetchedMail fetched) {
        try {
            ParsedMail mail = wire.parser().parse(fetched.raw());
            if (mail.automated() != Automated.NONE) {
                recordMachineMail(mailbox, mail, validity, fetched);
                return true;
            }
            var message = InboundMail.of(mailbox.inbox().id(), mail, validity, fetched.uid());
            if (fetched.truncated()) {
                message = withWarning(message, "The mail was larger than " + settings.maxMailSize()
                        + " and was cut; attachments may be missing.");
            }
            inbound.receive(message);
            return true;
        } catch (RuntimeException e) {
            int failures = repository.mailFailed(mailbox.inbox().id(), validity, fetched.uid(), e.toString());
            log.error("Mail UID {} of {} failed ({} time(s))", fetched.uid(), mailbox.address(), failures, e);
            return failures >= MAX_FAILURES_PER_MAIL;
        }
    }

    /** Never answered. In a known conversation agents see a note; elsewhere it is only logged. */
    private void recordMachineMail(Mailbox mailbox, ParsedMail mail, long validity, FetchedMail fetched) {
        var message = InboundMail.of(mailbox.inbox().id(), mail, validity, fetched.uid());
        var conversation = conversations.findByThread(mailbox.inbox().id(), message.threadKeys());
        String kind = switch (mail.automated()) {
            case AUTO_REPLY -> "An automatic reply";
            case BOUNCE -> "A delivery failure notice";
            case LIST -> "A mailing-list mail";
            case NONE -> "A mail";
        };
        if (conversation.isPresent()) {
            String text = kind + " arrived from " + (mail.from() == null ? "an unknown sender" : mail.from().address())
                    + " (not answered): " + abbreviate(message.text());
            conversations.postReply(conversation.get(), AuthorType.SYSTEM, null, "Email", text, true);
        } else {
            log.info("{} to {} from {} was not taken (UID {})", kind, mailbox.address(),
                    mail.from() == null ? "?" : mail.from().address(), fetched.uid());
        }
    }

    private static dev.parley.conversation.InboundMessage withWarning(dev.parley.conversation.InboundMessage m,
            String warning) {
        String joined = m.warning() == null ? warning : m.warning() + " " + warning;
        return new dev.parley.conversation.InboundMessage(m.inboxId(), m.from(), m.contactName(), m.externalId(),
                m.threadKeys(), m.conversationId(), m.subject(), m.text(), m.attachments(), joined);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 299) + "…" : oneLine;
    }
}
