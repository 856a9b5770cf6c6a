package dev.parley.notification.internal;

import dev.parley.identity.PasswordResetMail;
import dev.parley.notification.NotificationSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Identity's password-reset link, as a mail. */
@Component
class PasswordResetLinkMail implements PasswordResetMail {

    private final AgentMail mail;
    private final NotificationSettings settings;
    private final Duration ttl;

    PasswordResetLinkMail(AgentMail mail, NotificationSettings settings,
            dev.parley.identity.IdentitySettings identity) {
        this.mail = mail;
        this.settings = settings;
        this.ttl = identity.passwordResetTtl();
    }

    @Override
    public boolean available() {
        return mail.available();
    }

    @Override
    public void send(String email, String name, String path) {
        mail.send(email, name, "Reset your Parley password", """
                Hello %s,

                someone (hopefully you) asked to reset your Parley password. To choose a new one, open this link
                within %d minutes; it works once:

                %s

                Setting a new password signs you out everywhere and revokes your API tokens. If you did not ask for
                this, ignore this mail: your password stays as it is.
                """.formatted(name, Math.max(1, ttl.toMinutes()), settings.link(path)));
    }
}
