package dev.parley.channel.web;

import dev.parley.conversation.AttachmentDownload;
import dev.parley.conversation.AttachmentPolicy;
import dev.parley.conversation.AttachmentPolicy.Upload;
import dev.parley.conversation.Attachments;
import dev.parley.conversation.CustomerMessageAdmission;
import dev.parley.conversation.InboundAttachment;
import dev.parley.conversation.MessageAttachment;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files in the widget: the customer uploads them with a message (limits and a sniffed type from
 * {@link AttachmentPolicy}) and downloads the files of their own conversation, the agents' too, with its token.
 */
@RestController
@RequestMapping("/api/v1/widget/conversations/{id}/attachments")
@Tag(name = "Widget", description = "Public customer-facing chat API")
class WidgetAttachmentApi {

    private final WidgetAccess access;
    private final WidgetConversations widget;
    private final AttachmentPolicy policy;
    private final Attachments attachments;
    private final CustomerMessageAdmission admission;

    WidgetAttachmentApi(WidgetAccess access, WidgetConversations widget, AttachmentPolicy policy,
            Attachments attachments, CustomerMessageAdmission admission) {
        this.admission = admission;
        this.access = access;
        this.widget = widget;
        this.policy = policy;
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Send files (parts named files), with optional text, as a customer message")
    ResponseEntity<Uploaded> upload(@PathVariable UUID id,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String text, @RequestParam(required = false) String clientMessageId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ClientContext client) {
        return admission.admit(() -> {
            access.authorize(id, authorization);
            List<InboundAttachment> checked = policy.check(uploads(files));
            WidgetResponses.Posted posted = widget.post(id, new WidgetRequests.PostMessage(text,
                    clientMessageId == null || clientMessageId.length() > 100 ? null : clientMessageId), checked,
                    client);
            List<File> stored = attachments.ofConversation(id).stream()
                    .filter(a -> a.messageId().equals(posted.message().id())).map(File::of).toList();
            return ResponseEntity.status(posted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(new Uploaded(posted.message(), posted.reply(), posted.status(), posted.cursor(), stored));
        });
    }

    @GetMapping
    @Operation(summary = "The files of the conversation (the customer's and the agents' replies'), in message order")
    List<File> list(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.authorize(id, authorization);
        return attachments.visibleOfConversation(id).stream().map(File::of).toList();
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download a file of the conversation; raster images may be shown inline, anything else downloads")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachmentId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.authorize(id, authorization);
        MessageAttachment attachment = attachments.visibleOfConversation(id).stream()
                .filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Attachment " + attachmentId + " of conversation " + id));
        InputStream content = attachments.content(id, attachmentId)
                .orElseThrow(() -> ApiException.notFound("The file of attachment " + attachmentId));
        return AttachmentDownload.of(attachment, content, true);
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        List<MultipartFile> sent = files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .toList();
        if (sent.isEmpty()) {
            throw ApiException.badRequest("No file was sent: add one or more parts named \"files\"");
        }
        return sent.stream().map(f -> {
            try {
                return new Upload(f.getOriginalFilename(), f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** A file as the widget lists it; {@code messageId} places it under its message. */
    record File(UUID id, UUID messageId, String filename, String contentType, long size) {
        static File of(MessageAttachment a) {
            return new File(a.id(), a.messageId(), a.filename(), a.contentType(), a.size());
        }
    }

    record Uploaded(dev.parley.realtime.MessagePayload message, dev.parley.realtime.MessagePayload reply,
            String status, long cursor, List<File> files) {
    }
}
