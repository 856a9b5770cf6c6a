package dev.parley.mail;

import dev.parley.mail.internal.Addresses;
import dev.parley.mail.internal.AutomatedMail;
import dev.parley.mail.internal.HeaderText;
import dev.parley.mail.internal.HtmlText;
import dev.parley.mail.internal.MimeBody;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an inbound mail (RFC 5322 + MIME) into a {@link ParsedMail}. Real mail is often broken, so nothing here
 * throws: what cannot be read becomes a warning, and a mail that cannot be read at all comes back with
 * {@code parseFailed} and its raw bytes, for a person to look at.
 */
public final class MailParser {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_REFERENCES = 100;
    private static final int MAX_TEXT_CHARS = 1_000_000;
    private static final List<String> MAIL_HEADERS = List.of("From", "Date", "Message-ID", "Subject", "To",
            "Received", "Return-Path", "Content-Type", "MIME-Version");

    private final MailLimits limits;
    private final Session session;

    public MailParser(MailLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        var props = new Properties();
        // raw UTF-8 in headers (RFC 6532) is common from modern clients; read it as UTF-8, not as Latin-1
        props.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(props);
    }

    /** Never throws: a mail that cannot be parsed comes back with parseFailed()=true, the raw bytes kept and a warning. */
    public ParsedMail parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        var warnings = new ArrayList<String>();
        try {
            // shared: body parts are views into these bytes instead of copies
            var message = new MimeMessage(session, new SharedByteArrayInputStream(bytes));
            if (MAIL_HEADERS.stream().noneMatch(name -> has(message, name))) {
                warnings.add("no mail headers found: not an Internet mail");
                return failed(bytes, warnings);
            }
            return read(message, bytes, warnings);
        } catch (MessagingException | RuntimeException | StackOverflowError e) {
            warnings.add("unreadable mail: " + e);
            return failed(bytes, warnings);
        }
    }

    private ParsedMail read(MimeMessage message, byte[] bytes, List<String> warnings) throws MessagingException {
        MailAddress from = Addresses.first(header(message, "From"), warnings);
        MailAddress replyTo = Addresses.first(header(message, "Reply-To"), warnings);
        InternetAddress[] to = Addresses.parse(header(message, "To"), warnings);
        InternetAddress[] cc = Addresses.parse(header(message, "Cc"), warnings);
        List<MailAddress> toListed = Addresses.valid(to, limits.maxRecipients(), warnings);
        List<MailAddress> ccListed = Addresses.valid(cc, limits.maxRecipients() - toListed.size(), warnings);
        int recipients = Addresses.count(to) + Addresses.count(cc);
        if (recipients > limits.maxRecipients()) {
            warnings.add(recipients + " recipients, only the first " + limits.maxRecipients() + " listed");
        }
        String contentType = message.getContentType() == null ? "text/plain" : message.getContentType();
        var body = new MimeBody(limits, warnings);
        MimeBody.Texts texts = body.read(message);
        boolean fromHtml = texts.plain().isBlank() && !texts.html().isBlank();
        String text = fromHtml ? HtmlText.toText(texts.html()) : texts.plain().replace("\r\n", "\n").strip();
        if (text.length() > MAX_TEXT_CHARS) {
            warnings.add("text cut at " + MAX_TEXT_CHARS + " characters");
            text = text.substring(0, MAX_TEXT_CHARS);
        }
        List<String> references = ids(header(message, "References"));
        return new ParsedMail(first(ids(header(message, "Message-ID"))), first(ids(header(message, "In-Reply-To"))),
                references.subList(Math.max(0, references.size() - MAX_REFERENCES), references.size()),
                from, replyTo, toListed, ccListed, recipients, HeaderText.decode(header(message, "Subject"), warnings),
                sentAt(message, warnings), text, fromHtml, List.copyOf(body.attachments), List.copyOf(body.skipped),
                AutomatedMail.classify(message, contentType, from), List.copyOf(warnings), false, bytes);
    }

    private static ParsedMail failed(byte[] bytes, List<String> warnings) {
        return new ParsedMail(null, null, List.of(), null, null, List.of(), List.of(), 0, null, null, "", false,
                List.of(), List.of(), Automated.NONE, List.copyOf(warnings), true, bytes);
    }

    private static Instant sentAt(MimeMessage message, List<String> warnings) {
        try {
            var date = message.getSentDate();
            if (date == null && has(message, "Date")) {
                warnings.add("unreadable Date header");
            }
            return date == null ? null : date.toInstant();
        } catch (MessagingException e) {
            warnings.add("unreadable Date header");
            return null;
        }
    }

    private static List<String> ids(String header) {
        var ids = new ArrayList<String>();
        if (header != null) {
            Matcher id = MESSAGE_ID.matcher(header);
            while (id.find()) {
                ids.add(id.group());
            }
        }
        return ids;
    }

    private static String first(List<String> ids) {
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    private static boolean has(MimeMessage message, String name) {
        try {
            return message.getHeader(name) != null;
        } catch (MessagingException e) {
            return false;
        }
    }
}
