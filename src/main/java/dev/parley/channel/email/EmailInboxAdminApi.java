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
        return view(inbox.id());
    }

    @GetMapping
    @Operation(summary = "Email inboxes with their servers (passwords never shown) and polling state")
    List<EmailInboxView> list() {
        return mailboxes.states().stream().map(s -> view(s.inboxId())).filter(v -> v != null).toList();
    }

    private EmailInboxView view(UUID inboxId) {
        MailboxState state = mailboxes.states().stream().filter(s -> s.inboxId().equals(inboxId)).findFirst()
                .orElse(null);
        return mailboxes.active().stream().filter(m -> m.inbox().id().equals(inboxId)).findFirst()
                .map(m -> new EmailInboxView(inboxId, m.inbox().name(), m.address(),
                m.imap().redacted(), m.smtp().redacted(), m.fromProperties(),
                state == null ? null : state.lastPollAt(), state == null ? null : state.lastError(),
                state == null ? 0 : state.consecutiveFailures())).orElse(null);
    }
}
