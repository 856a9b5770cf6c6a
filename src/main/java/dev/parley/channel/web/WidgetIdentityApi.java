package dev.parley.channel.web;

import dev.parley.channel.web.WidgetIdentity.Check;
import dev.parley.channel.web.WidgetIdentity.Outcome;
import dev.parley.channel.widget.WidgetIdentityStore.Session;
import dev.parley.conversation.VerifiedConversation;
import dev.parley.conversation.VerifiedCustomers;
import dev.parley.shared.ApiException;
import dev.parley.shared.ratelimit.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verified customer identity for the widget: the host site's signed identity is exchanged once for a session token
 * that starts verified conversations and lists (and opens) the customer's earlier ones, on any device.
 */
@RestController
@RequestMapping("/api/v1/widget/identity")
@Tag(name = "Widget", description = "Public customer-facing chat API")
class WidgetIdentityApi {

    private static final int LISTED = 20;

    private final WidgetIdentity identity;
    private final VerifiedCustomers verified;
    private final RateLimiter limiter;
    private final WidgetSettings settings;

    WidgetIdentityApi(WidgetIdentity identity, VerifiedCustomers verified, RateLimiter limiter,
            WidgetSettings settings) {
        this.identity = identity;
        this.verified = verified;
        this.limiter = limiter;
        this.settings = settings;
    }

    /** What the host site signed on its server; {@code name} is shown to agents but not signed. */
    record SignedIdentity(
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]+", message = "must be one line") String userId,
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull Long timestamp,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (HMAC-SHA256)")
            String signature,
            @Size(max = 200) String name) {
    }

    /** The result: a token when verified, else the reason the visitor stays anonymous. */
    record Verification(boolean verified, String reason, String detail, String token, String userId, String email,
            String name, Instant expiresAt) {
    }

    record Earlier(String userId, String email, List<VerifiedConversation> conversations) {
    }

    @PostMapping
    @Operation(summary = "Exchange a signed customer identity for a verified session token (or learn why not)")
    Verification verify(@Valid @RequestBody SignedIdentity body, ClientContext client) {
        limiter.check("widget:identity:" + client.ip(), settings.messagesPerMinute(), Duration.ofMinutes(1),
                "identity checks from your address");
        Check check = identity.verify(new WidgetIdentity.Signed(body.userId(), body.email(),
                body.timestamp(), body.signature(), blankToNull(body.name())));
        Session s = check.session();
        return check.outcome() == Outcome.VERIFIED
                ? new Verification(true, Outcome.VERIFIED.name(), Outcome.VERIFIED.detail, check.token(),
                        s.customerId(), s.email(), s.name(), s.expiresAt())
                : new Verification(false, check.outcome().name(), check.outcome().detail, null, null, null, null, null);
    }

    @GetMapping("/conversations")
    @Operation(summary = "The verified customer's earlier conversations (Authorization: Bearer <identity token>)")
    Earlier conversations(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Session session = identity.session(BearerToken.from(authorization)).orElseThrow(() -> ApiException.unauthorized(
                "A current identity token is required (Authorization: Bearer pvi_…); verify the identity again"));
        return new Earlier(session.customerId(), session.email(), verified.conversationsOf(session.customerId(), LISTED));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
