package dev.parley.workspace.web;

import dev.parley.conversation.AttachmentDownload;
import dev.parley.conversation.Attachments;
import dev.parley.conversation.MessageAttachment;
import dev.parley.shared.ApiException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads a message's attachment. The file and its type come from a client, so it is always a download,
 * never rendered: a type a browser would run or render as a page (HTML, script, SVG, XML) is sent as bytes.
 */
@Controller
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/inbox/conversations/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        MessageAttachment attachment = attachments.find(id, attachmentId)
                .orElseThrow(() -> ApiException.notFound("Attachment " + attachmentId + " of conversation " + id));
        InputStream content = attachments.content(id, attachmentId)
                .orElseThrow(() -> ApiException.notFound("The file of attachment " + attachmentId));
        return AttachmentDownload.of(attachment, content, false);
    }
}
