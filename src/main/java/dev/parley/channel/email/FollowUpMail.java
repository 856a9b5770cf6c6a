package dev.parley.channel.email;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Message;
import dev.parley.mail.MailAddress;
import dev.parley.mail.OutgoingMail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.util.HtmlUtils;

/**
 * The chat replies a customer has not read, as one mail from an email inbox: threaded like {@link ReplyMail}
 * ("Re: subject [#P-…]", Message-ID, In-Reply-To and References of earlier follow-ups), each reply with its author,
 * and a line saying they can answer by mail or go on in the chat.
 */
final class FollowUpMail {

    static final String CONTINUE_LINE = "You can answer by replying to this email, or continue in the chat on our website.";
    private static final int MAX_REFERENCES = 20;

    private FollowUpMail() {
    }

    static OutgoingMail compose(Inbox inbox, Conversation conversation, String to, String name, List<Message> replies,
            List<String> threadKeys) {
        List<String> ids = threadKeys.stream().filter(k -> k.startsWith("<") && k.endsWith(">")).toList();
        List<String> references = ids.size() > MAX_REFERENCES ? ids.subList(ids.size() - MAX_REFERENCES, ids.size()) : ids;
        String subject = (conversation.subject() == null ? "Your conversation with us" : "Re: " + conversation.subject())
                + " [#" + InboundMail.ticketToken(conversation.id()) + "]";
        String domain = inbox.address().substring(inbox.address().indexOf('@') + 1);
        String messageId = "<followup-" + UUID.randomUUID() + "@" + domain + ">";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (Message reply : replies) {
            String author = author(reply, inbox);
            text.append(author).append(":\n").append(reply.text().strip()).append("\n\n");
            html.append("<p><strong>").append(HtmlUtils.htmlEscape(author)).append("</strong><br>");
            html.append(HtmlUtils.htmlEscape(reply.text().strip()).replace("\n", "<br>")).append("</p>");
        }
        text.append("-- \n").append(CONTINUE_LINE).append('\n');
        html.append("<p style=\"color:#666\">").append(HtmlUtils.htmlEscape(CONTINUE_LINE)).append("</p></body></html>");
        return new OutgoingMail(new MailAddress(inbox.name(), inbox.address()), List.of(new MailAddress(name, to.strip())),
                subject, text.toString(), html.toString(), messageId, ids.isEmpty() ? null : ids.getLast(), references,
                Map.of("Auto-Submitted", "auto-generated"));
    }

    private static String author(Message reply, Inbox inbox) {
        if (reply.authorName() != null && !reply.authorName().isBlank()) {
            return reply.authorName();
        }
        return reply.authorType() == AuthorType.ASSISTANT ? "Assistant" : inbox.name();
    }
}
