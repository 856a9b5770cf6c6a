package dev.parley.mail;

import java.util.Set;

/**
 * What an inbound mail may carry before parts of it are left out: a customer's mail is untrusted input, and one
 * 500 MB attachment or a spam run to 10,000 addresses must not cost memory. {@code blockedAttachmentTypes} holds
 * MIME types ({@code application/x-msdownload}) and file extensions with their dot ({@code .exe}), lower case.
 */
public record MailLimits(long maxAttachmentBytes, int maxAttachments, Set<String> blockedAttachmentTypes,
        int maxRecipients) {

    private static final Set<String> EXECUTABLES = Set.of(
            "application/x-msdownload", "application/x-msdos-program", "application/x-ms-installer",
            "application/x-msi", "application/x-executable", "application/x-dosexec", "application/x-sh",
            "application/x-bat", "application/x-csh", "application/java-archive", "application/x-java-archive",
            "application/javascript", "text/javascript", "application/x-javascript", "application/hta",
            "application/x-ms-shortcut", "application/vnd.microsoft.portable-executable",
            ".exe", ".bat", ".cmd", ".com", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".scr", ".jar", ".msi", ".ps1",
            ".pif", ".hta", ".lnk", ".cpl", ".sh", ".reg");

    public MailLimits {
        if (maxAttachmentBytes < 0 || maxAttachments < 0 || maxRecipients < 0) {
            throw new IllegalArgumentException("mail limits must not be negative");
        }
        blockedAttachmentTypes = blockedAttachmentTypes == null ? Set.of() : Set.copyOf(blockedAttachmentTypes);
    }

    /** 10 MB per attachment, 20 attachments, executables and scripts blocked, 100 recipients listed. */
    public static MailLimits defaults() {
        return new MailLimits(10L * 1024 * 1024, 20, EXECUTABLES, 100);
    }
}
