package dev.parley.mail.internal;

import dev.parley.mail.MailAttachment;
import dev.parley.mail.MailLimits;
import dev.parley.mail.SkippedAttachment;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Keeps or skips one attachment by the limits; what is skipped is counted as it streams past, not stored. */
final class AttachmentReader {

    private final MailLimits limits;
    private final List<String> warnings;
    private final List<MailAttachment> attachments;
    private final List<SkippedAttachment> skipped;

    AttachmentReader(MailLimits limits, List<String> warnings, List<MailAttachment> attachments,
            List<SkippedAttachment> skipped) {
        this.limits = limits;
        this.warnings = warnings;
        this.attachments = attachments;
        this.skipped = skipped;
    }

    void read(Part part, String contentType, int index) throws MessagingException {
        String filename = Filenames.sanitize(filename(part), index);
        String blockedBy = limits.blockedAttachmentTypes().contains(contentType) ? contentType
                : limits.blockedAttachmentTypes().contains(Filenames.extension(filename))
                        ? Filenames.extension(filename) : null;
        try (InputStream in = part.getInputStream()) {
            if (blockedBy != null) {
                skip(filename, contentType, MimeBody.drain(in), "blocked type " + blockedBy);
            } else if (attachments.size() >= limits.maxAttachments()) {
                skip(filename, contentType, MimeBody.drain(in), "more than " + limits.maxAttachments()
                        + " attachments");
            } else if (estimatedSize(part) > limits.maxAttachmentBytes()) {
                // clearly too large by its encoded size: count it without holding any of it
                tooLarge(filename, contentType, MimeBody.drain(in));
            } else {
                byte[] content = in.readNBytes((int) Math.min(limits.maxAttachmentBytes() + 1, Integer.MAX_VALUE - 8));
                if (content.length > limits.maxAttachmentBytes()) {
                    tooLarge(filename, contentType, content.length + MimeBody.drain(in));
                } else {
                    attachments.add(new MailAttachment(filename, contentType, content.length, content));
                }
            }
        } catch (IOException e) {
            warnings.add("attachment " + filename + " could not be decoded: " + e.getMessage());
            skipped.add(new SkippedAttachment(filename, contentType, -1, "undecodable: " + e.getMessage()));
        }
    }

    private void tooLarge(String filename, String contentType, long size) {
        skip(filename, contentType, size, "larger than " + limits.maxAttachmentBytes() + " bytes");
    }

    private void skip(String filename, String contentType, long size, String reason) {
        skipped.add(new SkippedAttachment(filename, contentType, size, reason));
    }

    private static long estimatedSize(Part part) throws MessagingException {
        long encoded = part.getSize();
        String[] encoding = part.getHeader("Content-Transfer-Encoding");
        boolean base64 = encoding != null && encoding[0].strip().toLowerCase(Locale.ROOT).equals("base64");
        // base64 carries 3 bytes in 4 characters plus line breaks; under-estimate so nothing is skipped wrongly
        return encoded < 0 ? 0 : base64 ? encoded * 3 / 4 * 76 / 78 : encoded;
    }

    private String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : HeaderText.decode(name, warnings);
        } catch (MessagingException e) {
            return null;
        }
    }
}
