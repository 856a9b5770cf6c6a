package dev.parley.mail.internal;

import dev.parley.mail.MailAttachment;
import dev.parley.mail.MailLimits;
import dev.parley.mail.SkippedAttachment;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks a message's MIME tree once: text/plain and text/html bodies are collected (one of each per
 * multipart/alternative, all of them in a mixed mail), every other part is an attachment, kept or skipped by the
 * limits. Parts are views into the raw bytes; a skipped one is only counted, never held in memory.
 */
public final class MimeBody {

    private static final int MAX_DEPTH = 20;

    public final List<MailAttachment> attachments = new ArrayList<>();
    public final List<SkippedAttachment> skipped = new ArrayList<>();
    private final MailLimits limits;
    private final List<String> warnings;
    private int parts;

    public MimeBody(MailLimits limits, List<String> warnings) {
        this.limits = limits;
        this.warnings = warnings;
    }

    /** Text bodies found in one part of the tree. */
    public record Texts(String plain, String html) {
        static final Texts NONE = new Texts("", "");
    }

    public Texts read(Part part) throws MessagingException {
        return walk(part, 0);
    }

    private Texts walk(Part part, int depth) throws MessagingException {
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            if (depth >= MAX_DEPTH) {
                warnings.add("MIME parts nested deeper than " + MAX_DEPTH + " levels were left out");
                return Texts.NONE;
            }
            return multipart(part, base, depth);
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
        if (!attachment && (base.equals("text/plain") || base.equals("text/html"))) {
            String text = TextDecoding.decode(bytes(part), type.getParameter("charset"), warnings);
            if (base.equals("text/plain") && "flowed".equalsIgnoreCase(type.getParameter("format"))) {
                text = FlowedText.unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
            }
            return base.equals("text/plain") ? new Texts(text, "") : new Texts("", text);
        }
        new AttachmentReader(limits, warnings, attachments, skipped).read(part, base, ++parts);
        return Texts.NONE;
    }

    private Texts multipart(Part part, String base, int depth) throws MessagingException {
        Multipart multipart;
        try {
            multipart = (Multipart) part.getContent();
        } catch (IOException | ClassCastException e) {
            warnings.add("unreadable multipart, read as text: " + e.getMessage());
            return new Texts(TextDecoding.decode(bytes(part), null, warnings), "");
        }
        if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
            warnings.add("a multipart ended without its closing boundary");
        }
        var children = new ArrayList<Texts>();
        for (int i = 0; i < multipart.getCount(); i++) {
            children.add(walk(multipart.getBodyPart(i), depth + 1));
        }
        if (base.equals("multipart/alternative")) {
            // the first plain and the last (richest) HTML alternative, as RFC 2046 orders them
            String plain = children.stream().map(Texts::plain).filter(t -> !t.isBlank()).findFirst().orElse("");
            String html = children.reversed().stream().map(Texts::html).filter(t -> !t.isBlank()).findFirst()
                    .orElse("");
            return new Texts(plain, html);
        }
        return new Texts(join(children.stream().map(Texts::plain).toList()),
                join(children.stream().map(Texts::html).toList()));
    }

    private byte[] bytes(Part part) throws MessagingException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            warnings.add("a body part could not be decoded (" + e.getMessage() + "), kept as sent");
            return raw(part);
        }
    }

    private static byte[] raw(Part part) throws MessagingException {
        try (InputStream in = part instanceof MimeBodyPart body ? body.getRawInputStream()
                : part instanceof MimeMessage message ? message.getRawInputStream() : InputStream.nullInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static ContentType contentType(Part part) {
        try {
            String raw = part.getContentType();
            return new ContentType(raw == null ? "text/plain" : raw);
        } catch (MessagingException e) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    static long drain(InputStream in) throws IOException {
        return in.transferTo(OutputStream.nullOutputStream());
    }

    private static String join(List<String> texts) {
        return String.join("\n\n", texts.stream().filter(t -> !t.isBlank()).toList());
    }
}
