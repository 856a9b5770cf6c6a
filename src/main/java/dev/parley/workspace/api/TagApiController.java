package dev.parley.workspace.api;

import dev.parley.conversation.Tag;
import dev.parley.conversation.Tags;
import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import dev.parley.workspace.internal.TicketActions;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tags on conversations and the tag catalogue; agents tag, supervisors rename, recolour and delete tags. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags", description = "Label conversations with coloured tags")
class TagApiController {

    private final Tags tags;
    private final TicketActions tickets;

    TagApiController(Tags tags, TicketActions tickets) {
        this.tags = tags;
        this.tickets = tickets;
    }

    record TagRequest(String name, String colour) {
    }

    @GetMapping("/api/v1/tags")
    @Operation(summary = "The tag catalogue, by name")
    java.util.List<Tag> catalogue() {
        return tags.catalogue();
    }

    @PostMapping("/api/v1/tags")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tag; colour is #rrggbb (a palette colour is picked when left out)")
    Tag create(@AuthenticationPrincipal AgentPrincipal me, @RequestBody TagRequest body) {
        return tickets.createTag(me, required(body).name(), body.colour());
    }

    @PatchMapping("/api/v1/tags/{tagId}")
    @Operation(summary = "Rename or recolour a tag (supervisors and admins)")
    Tag change(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID tagId, @RequestBody TagRequest body) {
        return tickets.changeTag(me, tagId, required(body).name(), body.colour());
    }

    @DeleteMapping("/api/v1/tags/{tagId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a tag, also from every conversation carrying it (supervisors and admins)")
    void delete(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID tagId) {
        tickets.deleteTag(me, tagId);
    }

    @GetMapping("/api/v1/conversations/{id}/tags")
    @Operation(summary = "The conversation's tags")
    java.util.List<Tag> of(@PathVariable UUID id) {
        return tags.of(id);
    }

    @PostMapping("/api/v1/conversations/{id}/tags")
    @Operation(summary = "Tag the conversation by name; a new name creates the tag",
            description = "201 when the tag was added, 200 when the conversation already carried it")
    ResponseEntity<Tag> add(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestBody TagRequest body) {
        Tags.Tagging tagging = tickets.addTag(me, id, required(body).name());
        return ResponseEntity.status(tagging.added() ? HttpStatus.CREATED : HttpStatus.OK).body(tagging.tag());
    }

    @DeleteMapping("/api/v1/conversations/{id}/tags/{tagId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take the tag off the conversation", description = "404 when it does not carry the tag")
    void remove(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @PathVariable UUID tagId) {
        if (!tickets.removeTag(me, id, tagId)) {
            throw ApiException.notFound("Tag " + tagId + " on conversation " + id);
        }
    }

    private static TagRequest required(TagRequest body) {
        if (body == null) {
            throw ApiException.badRequest("The body must be a JSON object with name (and colour)");
        }
        return body;
    }
}
