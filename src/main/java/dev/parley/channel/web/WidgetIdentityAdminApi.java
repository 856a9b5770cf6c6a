package dev.parley.channel.web;

import dev.parley.channel.web.WidgetIdentitySecrets.SecretInfo;
import dev.parley.identity.AgentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for the widget's identity-signing secret: the same operations as the admin page. */
@RestController
@RequestMapping("/api/v1/admin/widget-identity")
@Tag(name = "Widget identity")
class WidgetIdentityAdminApi {

    private final WidgetIdentitySecrets secrets;

    WidgetIdentityAdminApi(WidgetIdentitySecrets secrets) {
        this.secrets = secrets;
    }

    record Secrets(boolean configured, List<SecretInfo> secrets) {
    }

    record NewSecret(String secret, List<SecretInfo> secrets) {
    }

    @GetMapping
    @Operation(summary = "Whether a signing secret exists, and which secrets are accepted (never their values)")
    Secrets status() {
        return new Secrets(secrets.configured(), secrets.list());
    }

    @PostMapping("/rotate")
    @Operation(summary = "Generate a new signing secret (returned only now); the previous one stays accepted for the grace period")
    NewSecret rotate(@AuthenticationPrincipal AgentPrincipal me) {
        String secret = secrets.rotate(me.actor());
        return new NewSecret(secret, secrets.list());
    }

    @PostMapping("/revoke-previous")
    @Operation(summary = "Stop accepting the previous secrets now, before their grace period ends")
    Secrets revokePrevious(@AuthenticationPrincipal AgentPrincipal me) {
        secrets.revokePrevious(me.actor());
        return status();
    }
}
