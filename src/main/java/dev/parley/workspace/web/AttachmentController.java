package dev.parley.workspace.web;

import dev.parley.conversation.Attachments;
import dev.parley.conversation.MessageAttachment;
import dev.parley.shared.ApiException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads a customer's attachment. The file and its type come from the customer, so it is always a download,
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
        return ResponseEntity.ok()
                .contentType(safeType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new InputStreamResource(content));
    }

    static MediaType safeType(String stored) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(stored);
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (type.isWildcardType() || type.isWildcardSubtype() || name.startsWith("multipart/")
                || name.matches(".*(html|script|svg|xml|xsl|jscript|x-shockwave|wasm).*")) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        return new MediaType(type.getType(), type.getSubtype());
    }
}
