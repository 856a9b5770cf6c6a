package dev.parley.channel.web;

import dev.parley.identity.Actor;
import org.springframework.boot.test.context.TestComponent;

/** For tests outside the package: a new signing secret, and a signature made as the documented snippets make it. */
@TestComponent
public class WidgetIdentityTestSupport {

    private final WidgetIdentitySecrets secrets;

    WidgetIdentityTestSupport(WidgetIdentitySecrets secrets) {
        this.secrets = secrets;
    }

    public String newSecret() {
        return secrets.rotate(Actor.SYSTEM);
    }

    public String sign(String secret, String userId, String email, long timestamp) {
        return WidgetIdentity.sign(secret, userId + "\n" + email + "\n" + timestamp);
    }
}
