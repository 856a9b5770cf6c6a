package dev.parley.channel.email;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email inboxes for admins: add one (its IMAP and SMTP URLs, passwords included, are stored encrypted and never
 * returned) and see how polling of each stands.
 */
@RestController
@RequestMapping("/api/v1/admin/email-inboxes")
@Tag(name = "Email inboxes")
class EmailInboxAdminApi {

    private final Mailboxes mailboxes;

    EmailInboxAdminApi(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    record NewEmailInbox(String name, String address, String imapUrl, String smtpUrl, Duration pollInterval,
            AssistantMode assistantMode) {
    }

    record EmailInboxView(UUID id, String name, String address, String imap, String smtp, boolean fromProperties,
            Instant lastPollAt, String lastError, int failedPollsInARow) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an email inbox; URLs carry user and password URL-encoded and are stored encrypted")
    EmailInboxView create(@RequestBody NewEmailInbox request) {
        Inbox inbox = mailboxes.create(request.name(), request.address(), request.imapUrl(), request.smtpUrl(),
                request.pollInterval() == null ? Duration.ofSeconds(30) : request.pollInterval(),
                request.assistantMode());
        return views().stream().filter(v -> v.id().equals(inbox.id())).findFirst().orElseThrow();
    }

    @GetMapping
    @Operation(summary = "Email inboxes with their servers (passwords never shown) and polling state")
    List<EmailInboxView> list() {
        return views();
    }

    /** Readable mailboxes with their polling state; the settings are opened and the states read once. */
    private List<EmailInboxView> views() {
        java.util.Map<UUID, MailboxState> states = mailboxes.statesById();
        return mailboxes.active().stream().map(m -> {
            MailboxState state = states.get(m.inbox().id());
            return new EmailInboxView(m.inbox().id(), m.inbox().name(), m.address(), m.imap().redacted(),
                    m.smtp().redacted(), m.fromProperties(), state == null ? null : state.lastPollAt(),
                    state == null ? null : state.lastError(), state == null ? 0 : state.consecutiveFailures());
        }).toList();
    }
}
