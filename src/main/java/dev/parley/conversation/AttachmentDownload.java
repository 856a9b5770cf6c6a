package dev.parley.conversation;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored attachment is sent to a browser, for agents and customers alike. Its type came from a client (or
 * from a sniff of a client's bytes), so it is never rendered as a page: a type a browser would run or render (HTML,
 * script, SVG, XML) goes out as bytes, always with {@code nosniff}; only plain raster images may be shown inline.
 */
public final class AttachmentDownload {

    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private AttachmentDownload() {
    }

    /** {@code inlineImages}: a PNG, JPEG, GIF or WebP is shown in the browser; everything else is a download. */
    public static ResponseEntity<InputStreamResource> of(MessageAttachment attachment, InputStream content,
            boolean inlineImages) {
        MediaType type = safeType(attachment.contentType());
        boolean inline = inlineImages && INLINE.contains(type.toString());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(attachment.filename(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new InputStreamResource(content));
    }

    public static MediaType safeType(String stored) {
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
