package dev.parley.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on the files customers upload in the widget and agents attach to replies, under
 * {@code parley.attachments}.
 *
 * @param maxSize the largest file accepted
 * @param maxFiles how many files one message may carry
 * @param allowedTypes the media types accepted, as sniffed from the content (never as declared); HTML, SVG and
 *     scripts are refused even if listed
 */
@Validated
@ConfigurationProperties("parley.attachments")
public record AttachmentSettings(
        @DefaultValue("10MB") @NotNull DataSize maxSize,
        @DefaultValue("5") @Min(1) @Max(20) int maxFiles,
        @DefaultValue({"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
                "text/csv", "application/msword",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                "application/zip"}) List<String> allowedTypes) {
}
