package dev.parley.channel.email;

import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.InboundAttachment;
import dev.parley.conversation.InboundMessage;
import dev.parley.mail.MailAddress;
import dev.parley.mail.ParsedMail;
import dev.parley.mail.ReplyText;
import dev.parley.mail.SkippedAttachment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed mail as the conversation module takes it: the sender as contact, the new text without quoted history
 * and signatures, threading by In-Reply-To, References and the ticket token in the subject, files, and warnings.
 */
final class InboundMail {

    /** The ticket token Parley puts in the subjects it sends: {@code [#P-1a2b3c4d]}. */
    static final Pattern TICKET_TOKEN = Pattern.compile("\\[#(P-[0-9a-f]{8})]");

    private InboundMail() {
    }

    static InboundMessage of(UUID inboxId, ParsedMail mail, long uidValidity, long uid) {
        MailAddress sender = mail.replyAddress();
        List<ContactHandle> from = sender == null ? List.of() : List.of(ContactHandle.email(sender.address()));
        List<String> threadKeys = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            threadKeys.add(mail.inReplyTo());
        }
        threadKeys.addAll(mail.references());
        if (mail.subject() != null) {
            Matcher token = TICKET_TOKEN.matcher(mail.subject());
            if (token.find()) {
                threadKeys.add(ticketKey(token.group(1)));
            }
        }
        List<InboundAttachment> files = new ArrayList<>();
        mail.attachments().forEach(a -> files.add(new InboundAttachment(a.filename(), a.contentType(), a.content())));
        List<String> warnings = new ArrayList<>(mail.warnings());
        for (SkippedAttachment skipped : mail.skipped()) {
            warnings.add("Attachment " + skipped.filename() + " was not stored: " + skipped.reason());
        }
        String text = mail.parseFailed() ? "" : ReplyText.visible(mail.text() == null ? "" : mail.text());
        if (mail.parseFailed()) {
            warnings.add(0, "This mail could not be read; it is attached as received (original.eml).");
            files.add(new InboundAttachment("original.eml", "message/rfc822", mail.raw()));
        }
        String subject = mail.subject() == null ? null : TICKET_TOKEN.matcher(mail.subject()).replaceAll("").strip();
        return new InboundMessage(inboxId, from, sender == null ? null : sender.name(),
                externalId(mail, uidValidity, uid), threadKeys, null, subject, text, files,
                warnings.isEmpty() ? null : String.join(" ", warnings));
    }

    /** The Message-ID, or (when a mail has none) one derived from its bytes, so a second copy is still recognised. */
    static String externalId(ParsedMail mail, long uidValidity, long uid) {
        if (mail.messageId() != null && !mail.messageId().isBlank()) {
            return mail.messageId().strip();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mail.raw() == null
                    ? (uidValidity + ":" + uid).getBytes(StandardCharsets.UTF_8) : mail.raw());
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ticketKey(String token) {
        return "ticket:" + token;
    }

    static String ticketToken(UUID conversationId) {
        return "P-" + conversationId.toString().substring(0, 8);
    }
}
