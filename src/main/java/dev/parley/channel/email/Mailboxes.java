package dev.parley.channel.email;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.encryption.Encryption;
import dev.parley.mail.MailAddress;
import dev.parley.mail.MailUrl;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email inboxes: those from properties (made or updated at start) and those added on the admin page, whose
 * IMAP and SMTP URLs (with passwords) are stored encrypted and never shown again.
 */
@org.springframework.stereotype.Component
class Mailboxes {

    static final String CHANNEL = "email";
    static final String IMAP_PURPOSE = "channel.email.imap-url";
    static final String SMTP_PURPOSE = "channel.email.smtp-url";
    private static final Logger log = LoggerFactory.getLogger(Mailboxes.class);

    private final Inboxes inboxes;
    private final MailboxRepository repository;
    private final Encryption encryption;
    private final EmailSettings settings;
    private final Clock clock;

    Mailboxes(Inboxes inboxes, MailboxRepository repository, Encryption encryption, EmailSettings settings,
            Clock clock) {
        this.inboxes = inboxes;
        this.repository = repository;
        this.encryption = encryption;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Every enabled email inbox that can be polled and sent from. A mailbox whose settings cannot be read (its
     * URLs sealed with a key that is gone, a property removed) is left out and reported, never fatal to the rest.
     */
    List<Mailbox> active() {
        List<Mailbox> result = new ArrayList<>();
        for (MailboxState state : repository.all()) {
            try {
                open(state).filter(m -> m.inbox().enabled()).ifPresent(result::add);
            } catch (RuntimeException e) {
                unusable(state, e);
            }
        }
        return result;
    }

    private void unusable(MailboxState state, RuntimeException e) {
        String reason = "The mailbox settings cannot be read: " + e.getMessage();
        if (!reason.equals(state.lastError())) {
            log.error("Email inbox {} is skipped. {}", state.inboxId(), reason);
            repository.pollFailed(state.inboxId(), reason, clock.instant());
        }
    }

    Optional<Mailbox> find(UUID inboxId) {
        return repository.find(inboxId).flatMap(this::open);
    }

    /** The mailbox of a state row: its inbox, and its URLs from the properties or decrypted from the row. */
    private Optional<Mailbox> open(MailboxState state) {
        UUID inboxId = state.inboxId();
        Optional<Inbox> inbox = inboxes.find(inboxId).filter(i -> CHANNEL.equals(i.channelType()));
        if (inbox.isEmpty()) {
            return Optional.empty();
        }
        Duration poll = Duration.ofMillis(state.pollIntervalMs());
        if ("PROPERTIES".equals(state.managedBy())) {
            return settings.inboxes().stream().filter(p -> normalize(p.address()).equals(inbox.get().address()))
                    .findFirst().map(p -> new Mailbox(inbox.get(), MailUrl.parse(p.imapUrl()), MailUrl.parse(p.smtpUrl()),
                            p.pollInterval(), true));
        }
        return repository.sealedUrls(inboxId).map(urls -> new Mailbox(inbox.get(),
                MailUrl.parse(encryption.decrypt(urls[0], IMAP_PURPOSE)),
                MailUrl.parse(encryption.decrypt(urls[1], SMTP_PURPOSE)), poll, false));
    }

    /** Makes the inboxes of {@code parley.email.inboxes} exist as configured (run at start). */
    @Transactional
    void syncProperties() {
        for (EmailSettings.InboxProperties p : settings.inboxes()) {
            validate(p.address(), p.imapUrl(), p.smtpUrl());
            Inbox inbox = inboxes.byAddress(CHANNEL, p.address())
                    .map(existing -> inboxes.update(existing.id(), p.name(), p.assistantMode(), true))
                    .orElseGet(() -> inboxes.create(CHANNEL, p.name(), p.address(), p.assistantMode()));
            if (repository.find(inbox.id()).isEmpty()) {
                repository.insert(inbox.id(), "PROPERTIES", null, null, p.pollInterval().toMillis(), clock.instant());
            } else {
                repository.updatePollInterval(inbox.id(), p.pollInterval().toMillis());
            }
            log.info("Email inbox {} <{}>: IMAP {}, SMTP {}", p.name(), inbox.address(),
                    MailUrl.parse(p.imapUrl()).redacted(), MailUrl.parse(p.smtpUrl()).redacted());
        }
    }

    /** An inbox added on the admin page; bad URLs or addresses are a 400 with the reason. */
    @Transactional
    Inbox create(String name, String address, String imapUrl, String smtpUrl, Duration pollInterval,
            AssistantMode mode) {
        validate(address, imapUrl, smtpUrl);
        if (pollInterval == null || pollInterval.compareTo(Duration.ofSeconds(5)) < 0) {
            throw ApiException.badRequest("The poll interval must be at least 5 seconds");
        }
        Inbox inbox = inboxes.create(CHANNEL, name, address, mode);
        repository.insert(inbox.id(), "ADMIN", encryption.encrypt(imapUrl.strip(), IMAP_PURPOSE),
                encryption.encrypt(smtpUrl.strip(), SMTP_PURPOSE), pollInterval.toMillis(), clock.instant());
        return inbox;
    }

    List<MailboxState> states() {
        return repository.all();
    }

    java.util.Map<UUID, MailboxState> statesById() {
        return repository.all().stream().collect(java.util.stream.Collectors.toMap(MailboxState::inboxId, s -> s));
    }

    private static void validate(String address, String imapUrl, String smtpUrl) {
        if (address == null || imapUrl == null || smtpUrl == null || imapUrl.isBlank() || smtpUrl.isBlank()) {
            throw ApiException.badRequest("An email inbox needs an address, an IMAP URL and an SMTP URL");
        }
        try {
            new MailAddress(null, address == null ? "" : address.strip());
            if (!MailUrl.parse(imapUrl).isImap()) {
                throw ApiException.badRequest("The IMAP URL must start with imap:// or imaps://");
            }
            if (!MailUrl.parse(smtpUrl).isSmtp()) {
                throw ApiException.badRequest("The SMTP URL must start with smtp:// or smtps://");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String normalize(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
