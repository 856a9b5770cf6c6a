package dev.parley.channel.email;

import dev.parley.conversation.AssistantMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The email channel, under {@code parley.email}. Inboxes can come from here (infrastructure as code; these
 * property names are fixed because deployment scripts use them) or from the admin page.
 *
 * @param inboxes mailboxes configured by properties: {@code parley.email.inboxes[0].name}, {@code .address},
 *     {@code .imap-url}, {@code .smtp-url}, {@code .poll-interval}, {@code .assistant-mode}
 * @param timeout connect and read timeout towards mail servers
 * @param maxAttachmentSize attachments larger than this are listed as skipped, not stored
 * @param maxMailSize mails larger than this are taken truncated (with a warning), never loaded whole
 * @param blockedAttachmentTypes content types never stored (executables and scripts are always blocked)
 * @param batchSize mails taken per poll of one mailbox
 * @param idle whether to wait for new mail with IMAP IDLE where the server offers it (else: polling only)
 */
@Validated
@ConfigurationProperties("parley.email")
record EmailSettings(
        @DefaultValue({}) List<@Valid InboxProperties> inboxes,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("10MB") org.springframework.util.unit.DataSize maxAttachmentSize,
        @DefaultValue("30MB") org.springframework.util.unit.DataSize maxMailSize,
        @DefaultValue({}) List<String> blockedAttachmentTypes,
        @DefaultValue("50") @Min(1) int batchSize,
        @DefaultValue("true") boolean idle) {

    /** One mailbox from properties. URLs carry user and password URL-encoded. */
    record InboxProperties(
            @NotBlank String name,
            @NotBlank String address,
            @NotBlank String imapUrl,
            @NotBlank String smtpUrl,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("ANSWER") AssistantMode assistantMode) {
    }
}
