package dev.parley.workspace.web;

import dev.parley.conversation.AttachmentPolicy;
import dev.parley.conversation.AttachmentPolicy.Upload;
import dev.parley.conversation.InboundAttachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** The files an agent attached to a reply form, checked like a customer's (an empty file input sends none). */
final class ReplyFiles {

    private ReplyFiles() {
    }

    static List<InboundAttachment> check(AttachmentPolicy policy, List<MultipartFile> files) {
        List<MultipartFile> sent = files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .toList();
        if (sent.isEmpty()) {
            return List.of();
        }
        return policy.check(sent.stream().map(f -> {
            try {
                return new Upload(f.getOriginalFilename(), f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList());
    }
}
