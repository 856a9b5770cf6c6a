package dev.parley.channel.email;

import dev.parley.channel.email.EmailConfiguration.MailWire;
import dev.parley.channel.spi.ChannelAdapter;
import dev.parley.channel.spi.ChannelFactory;
import dev.parley.channel.spi.DeliveryFailure;
import dev.parley.channel.spi.DeliveryReceipt;
import dev.parley.conversation.Inbox;
import dev.parley.mail.MailDeliveryException;
import dev.parley.mail.OutgoingMail;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Email as a channel: a reply leaves by SMTP from the inbox's address, threaded into the customer's mail (its
 * Message-ID becomes a thread key, so the customer's answer finds the conversation again).
 */
@Component
class EmailChannel implements ChannelFactory {

    private final Mailboxes mailboxes;
    private final MailWire wire;
    private final dev.parley.conversation.Attachments attachments;

    EmailChannel(Mailboxes mailboxes, MailWire wire, dev.parley.conversation.Attachments attachments) {
        this.attachments = attachments;
        this.mailboxes = mailboxes;
        this.wire = wire;
    }

    @Override
    public String id() {
        return Mailboxes.CHANNEL;
    }

    @Override
    public ChannelAdapter create(Inbox inbox) {
        return outbound -> {
            Mailbox mailbox = readable(inbox).orElseThrow(() -> DeliveryFailure.permanent(
                    "The email inbox " + inbox.name() + " has no mail server settings"));
            // The reply's files are not put into the mail (yet): it names them, so the customer knows they exist.
            List<String> files = attachments.ofConversation(outbound.conversation().id()).stream()
                    .filter(a -> a.messageId().equals(outbound.message().id()))
                    .map(dev.parley.conversation.MessageAttachment::filename).toList();
            OutgoingMail mail = ReplyMail.compose(outbound, inbox, files);
            try {
                String messageId = wire.mailer().send(mailbox.smtp(), mail);
                return new DeliveryReceipt(messageId, List.of(messageId,
                        InboundMail.ticketKey(InboundMail.ticketToken(outbound.conversation().id()))));
            } catch (MailDeliveryException e) {
                throw new DeliveryFailure(e.getMessage(), e.permanent(), e);
            }
        };
    }

    private java.util.Optional<Mailbox> readable(Inbox inbox) throws DeliveryFailure {
        try {
            return mailboxes.find(inbox.id());
        } catch (RuntimeException e) {
            throw DeliveryFailure.permanent("The settings of the email inbox " + inbox.name()
                    + " cannot be read: " + e.getMessage());
        }
    }
}
