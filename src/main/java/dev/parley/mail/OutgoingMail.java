package dev.parley.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mail to send. {@code messageId}, {@code inReplyTo} and {@code references} are raw ids like
 * {@code <abc@host>}: the channel chooses them so replies thread in the customer's client. {@code html} may be null
 * for a text-only mail; {@code headers} adds e.g. {@code Auto-Submitted: auto-generated}.
 */
public record OutgoingMail(MailAddress from, List<MailAddress> to, String subject, String text, String html,
        String messageId, String inReplyTo, List<String> references, Map<String, String> headers) {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

    public OutgoingMail {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient");
        }
        subject = subject == null ? "" : oneLine("subject", subject);
        text = text == null ? "" : text;
        references = references == null ? List.of() : List.copyOf(references);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        checkId("messageId", messageId);
        checkId("inReplyTo", inReplyTo);
        references.forEach(id -> checkId("references", id));
        // a CR or LF in a header would let a value write headers of its own
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid header name '" + name + "'");
            }
            oneLine(name, value);
        });
    }

    /** A plain-text mail with no threading headers. */
    public static OutgoingMail text(MailAddress from, MailAddress to, String subject, String text) {
        return new OutgoingMail(from, List.of(to), subject, text, null, null, null, List.of(), Map.of());
    }

    private static void checkId(String what, String id) {
        if (id != null && !MESSAGE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must look like <local@domain>: " + id);
        }
    }

    private static String oneLine(String what, String value) {
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be a single line");
        }
        return value;
    }
}
