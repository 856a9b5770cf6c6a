package dev.parley.channel.email;

import dev.parley.channel.spi.DeliveryFailure;
import dev.parley.channel.spi.OutboundMessage;
import dev.parley.conversation.Inbox;
import dev.parley.mail.MailAddress;
import dev.parley.mail.OutgoingMail;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * A reply as a mail the customer's client threads: From the inbox's name and address, "Re: subject [#P-…]",
 * In-Reply-To the latest mail of the thread and References the thread's Message-IDs; text plus a simple HTML
 * alternative.
 */
final class ReplyMail {

    private static final int MAX_REFERENCES = 20;

    private ReplyMail() {
    }

    static OutgoingMail compose(OutboundMessage outbound, Inbox inbox, List<String> files) throws DeliveryFailure {
        String to = outbound.contact() == null ? null : outbound.contact().email();
        if (to == null || to.isBlank()) {
            throw DeliveryFailure.permanent("The customer has no email address to send to");
        }
        List<String> ids = outbound.threadKeys().stream().filter(k -> k.startsWith("<") && k.endsWith(">")).toList();
        List<String> references = ids.size() > MAX_REFERENCES ? ids.subList(ids.size() - MAX_REFERENCES, ids.size()) : ids;
        String subject = (outbound.conversation().subject() == null ? "Your message" : "Re: "
                + outbound.conversation().subject()) + " [#" + InboundMail.ticketToken(outbound.conversation().id()) + "]";
        String domain = inbox.address().substring(inbox.address().indexOf('@') + 1);
        String messageId = "<" + outbound.message().id() + "@" + domain + ">";
        String text = outbound.message().text();
        if (!files.isEmpty()) {
            text += "\n\n(Files with this reply, not attached to this email: " + String.join(", ", files)
                    + ". Reply to this email if you need them.)";
        }
        try {
            return new OutgoingMail(new MailAddress(inbox.name(), inbox.address()),
                    List.of(new MailAddress(outbound.contact().name(), to.strip())), subject, text, html(text),
                    messageId, ids.isEmpty() ? null : ids.getLast(), references, Map.of());
        } catch (IllegalArgumentException e) {
            throw DeliveryFailure.permanent("The reply cannot be sent as mail: " + e.getMessage());
        }
    }

    private static String html(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (String paragraph : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
