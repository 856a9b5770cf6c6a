package dev.parley.channel.api;

import dev.parley.conversation.AssistantMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins create API inboxes; the API key and the signing secret are shown in this answer only. */
@RestController
@Tag(name = "API channel")
class ApiInboxAdminApi {

    private final ApiInboxes inboxes;

    ApiInboxAdminApi(ApiInboxes inboxes) {
        this.inboxes = inboxes;
    }

    record NewApiInbox(String name, String callbackUrl, AssistantMode assistantMode) {
    }

    record CreatedApiInbox(UUID id, String name, URI callbackUrl, String apiKey, String signingSecret,
            String note) {
    }

    @PostMapping("/api/v1/admin/api-inboxes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API inbox; its API key and signing secret are shown once")
    CreatedApiInbox create(@RequestBody NewApiInbox request) {
        if (request == null) {
            throw dev.parley.shared.ApiException.badRequest("name and callbackUrl are required");
        }
        ApiInboxes.Created created = inboxes.create(request.name(), request.callbackUrl(), request.assistantMode());
        return new CreatedApiInbox(created.inbox().id(), created.inbox().name(), created.callbackUrl(),
                created.apiKey(), created.signingSecret(), "Store the API key and the signing secret now: they are "
                        + "not shown again.");
    }
}
