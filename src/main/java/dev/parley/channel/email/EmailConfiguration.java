package dev.parley.channel.email;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.mail.MailLimits;
import dev.parley.mail.MailParser;
import dev.parley.mail.SmtpMailer;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail wire pieces the email channel uses, and its encrypted columns (re-encrypted after key rotation). */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    /** The channel's own mailer and parser (other modules make their own; these are not shared beans). */
    @Bean
    MailWire emailChannelWire(EmailSettings settings) {
        MailLimits defaults = MailLimits.defaults();
        Set<String> blocked = new HashSet<>(defaults.blockedAttachmentTypes());
        settings.blockedAttachmentTypes().forEach(type -> blocked.add(type.strip().toLowerCase(java.util.Locale.ROOT)));
        return new MailWire(new SmtpMailer(settings.timeout()), new MailParser(new MailLimits(
                settings.maxAttachmentSize().toBytes(), defaults.maxAttachments(), blocked, defaults.maxRecipients())));
    }

    record MailWire(SmtpMailer mailer, MailParser parser) {
    }

    @Bean
    static EncryptedColumn emailImapUrlColumn() {
        return EncryptedColumn.of("email_mailbox", "inbox_id", "imap_url", Mailboxes.IMAP_PURPOSE);
    }

    @Bean
    static EncryptedColumn emailSmtpUrlColumn() {
        return EncryptedColumn.of("email_mailbox", "inbox_id", "smtp_url", Mailboxes.SMTP_PURPOSE);
    }
}
