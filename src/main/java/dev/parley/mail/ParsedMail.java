package dev.parley.mail;

import java.time.Instant;
import java.util.List;

/**
 * An inbound mail as the email channel needs it: who, what, which conversation it answers (In-Reply-To and
 * References), the readable text, the files, and whether a machine sent it. {@code recipientCount} counts every
 * To and Cc address, even those beyond the limit that are not listed. A mail that could not be read at all has
 * {@code parseFailed} set and keeps its {@code raw} bytes, so nothing a customer sent is lost.
 */
public record ParsedMail(String messageId, String inReplyTo, List<String> references, MailAddress from,
        MailAddress replyTo, List<MailAddress> to, List<MailAddress> cc, int recipientCount, String subject,
        Instant sentAt, String text, boolean fromHtml, List<MailAttachment> attachments,
        List<SkippedAttachment> skipped, Automated automated, List<String> warnings, boolean parseFailed, byte[] raw) {

    /** Where an answer goes: Reply-To when the sender set one, else From. */
    public MailAddress replyAddress() {
        return replyTo != null ? replyTo : from;
    }
}
