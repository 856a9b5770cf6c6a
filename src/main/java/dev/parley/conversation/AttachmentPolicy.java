package dev.parley.conversation;

import dev.parley.shared.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides whether a file a customer or an agent uploads may be kept, and what it really is. The type is sniffed
 * from the bytes (Apache Tika's magic database); the declared type is ignored and the file name only refines a
 * sniffed container (a .docx is a zip). A file whose content contradicts its name (HTML named .png), that is too
 * big, or whose type is not allowed is refused with a 413 or 415 saying why; HTML, SVG, XML and scripts never pass.
 */
@Component
public class AttachmentPolicy {

    /** Tika's magic database, read (about 0.1 s) by the first upload rather than while the application starts. */
    private static final class Tika {
        static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
        static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
    }

    private static final String DANGEROUS =
            ".*(html|svg|script|x-sh|msdownload|executable|wasm|xslt).*|.*/xml|.*\\+xml";

    private final AttachmentSettings settings;
    private final Set<String> allowed;

    public AttachmentPolicy(AttachmentSettings settings) {
        this.settings = settings;
        this.allowed = settings.allowedTypes().stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public AttachmentSettings settings() {
        return settings;
    }

    /** Checks a message's files together: how many, then each one. */
    public List<InboundAttachment> check(List<Upload> files) {
        if (files.size() > settings.maxFiles()) {
            throw ApiException.badRequest(files.size() + " files were sent; a message may carry at most "
                    + settings.maxFiles());
        }
        return files.stream().map(this::check).toList();
    }

    /** The file with its sniffed type, or a 4xx saying why it is refused. */
    public InboundAttachment check(Upload file) {
        String name = InboundText.filename(file.filename(), 1);
        byte[] content = file.content();
        if (content.length == 0) {
            throw ApiException.badRequest(name + " is empty");
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw new ApiException(HttpStatus.valueOf(413), "File too large", name + " is "
                    + readable(content.length) + "; the limit is " + readable(settings.maxSize().toBytes()));
        }
        MediaType sniffed = detect(content, null);
        MediaType named = nameType(name);
        MediaType type = detect(content, name);
        if (sniffed.toString().matches(DANGEROUS) || type.toString().matches(DANGEROUS)) {
            throw unsupported(name + " contains " + sniffed + ", which is never accepted");
        }
        if (!MediaType.OCTET_STREAM.equals(named) && !named.equals(type)
                && !Tika.REGISTRY.isSpecializationOf(type, named)) {
            throw unsupported(name + " contains " + type + ", which does not match its name");
        }
        if (!allowed.contains(type.toString())) {
            throw unsupported(name + " is " + type + "; accepted are " + String.join(", ", settings.allowedTypes()));
        }
        return new InboundAttachment(name, type.toString(), content);
    }

    private static MediaType detect(byte[] content, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try {
            return Tika.TYPES.detect(new ByteArrayInputStream(content), metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaType nameType(String name) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try {
            return Tika.TYPES.detect(null, metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException unsupported(String detail) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File type not accepted", detail);
    }

    private static String readable(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }

    /** A file as uploaded: its name as the client gave it and its bytes; any declared type is ignored. */
    public record Upload(String filename, byte[] content) {
    }
}
