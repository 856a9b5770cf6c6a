package dev.parley.mail.internal;

import dev.parley.mail.Automated;
import dev.parley.mail.MailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells machine-sent mail from people's mail by its headers. Bounces first (a DSN often also says Auto-Submitted),
 * then responders: RFC 3834 Auto-Submitted, the vendor headers X-Autoreply / X-Autorespond, Exchange's
 * X-Auto-Response-Suppress (set on its own automatic replies), Precedence: auto_reply; then a null Return-Path,
 * then lists (RFC 2369/2919 List-* headers, Precedence bulk/list/junk).
 */
public final class AutomatedMail {

    private static final Pattern SUPPRESS_ALL_OR_OOF = Pattern.compile("(?i)(^|[\\s,])(all|oof)([\\s,]|$)");

    private AutomatedMail() {
    }

    public static Automated classify(Part mail, String contentType, MailAddress from) throws MessagingException {
        if (isDeliveryReport(contentType) || fromMailSystem(from)) {
            return Automated.BOUNCE;
        }
        String autoSubmitted = firstToken(header(mail, "Auto-Submitted"));
        String precedence = firstToken(header(mail, "Precedence"));
        String suppress = header(mail, "X-Auto-Response-Suppress");
        if (autoSubmitted != null && !autoSubmitted.equals("no")
                || header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null
                || suppress != null && SUPPRESS_ALL_OR_OOF.matcher(suppress).find()
                || "auto_reply".equals(precedence)) {
            return Automated.AUTO_REPLY;
        }
        String returnPath = header(mail, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Automated.BOUNCE;
        }
        if ("bulk".equals(precedence) || "list".equals(precedence) || "junk".equals(precedence)
                || header(mail, "List-Id") != null || header(mail, "List-Unsubscribe") != null) {
            return Automated.LIST;
        }
        return Automated.NONE;
    }

    private static boolean isDeliveryReport(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        // report-type=disposition-notification is a read receipt: automated, but not a failed delivery
        return type.startsWith("multipart/report")
                && (type.contains("delivery-status") || !type.contains("report-type"));
    }

    private static boolean fromMailSystem(MailAddress from) {
        if (from == null) {
            return false;
        }
        String local = from.address().substring(0, from.address().lastIndexOf('@')).toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster");
    }

    private static String header(Part mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].strip();
    }

    private static String firstToken(String value) {
        return value == null ? null : value.split("[;\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
