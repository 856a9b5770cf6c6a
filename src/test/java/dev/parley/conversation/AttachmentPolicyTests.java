package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.AttachmentPolicy.Upload;
import dev.parley.shared.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AttachmentPolicyTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final AttachmentPolicy policy = new AttachmentPolicy(new AttachmentSettings(DataSize.ofKilobytes(64), 3,
            List.of("image/png", "image/jpeg", "application/pdf", "text/plain", "text/csv",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/svg+xml",
                    "text/html")));

    @Test
    void sniffsTheTypeFromTheBytesNotFromAnyDeclaration() {
        assertThat(policy.check(new Upload("screenshot.png", PNG)).contentType()).isEqualTo("image/png");
        assertThat(policy.check(new Upload("invoice", PDF)).contentType()).isEqualTo("application/pdf");
        assertThat(policy.check(new Upload("notes.txt", "hello there".getBytes())).contentType())
                .isEqualTo("text/plain");
        assertThat(policy.check(new Upload("orders.csv", "id,total\n1,20\n".getBytes())).contentType())
                .isEqualTo("text/csv");
    }

    @Test
    void aContainerIsRefinedByItsName() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.closeEntry();
        }
        assertThat(policy.check(new Upload("letter.docx", bytes.toByteArray())).contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void refusesHtmlDisguisedAsAnImage() {
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes();
        assertThatThrownBy(() -> policy.check(new Upload("cat.png", html)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415))
                .hasMessageContaining("text/html");
    }

    @Test
    void refusesHtmlAndSvgEvenWhenListedAsAllowed() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
        assertThatThrownBy(() -> policy.check(new Upload("logo.svg", svg)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415));
        assertThatThrownBy(() -> policy.check(new Upload("page.html", "<html><body>hi</body></html>".getBytes())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415));
    }

    @Test
    void refusesContentThatContradictsItsName() {
        assertThatThrownBy(() -> policy.check(new Upload("photo.jpg", PNG)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415))
                .hasMessageContaining("does not match its name");
    }

    @Test
    void refusesATypeNotAllowed() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> policy.check(new Upload("anim.gif", gif)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415))
                .hasMessageContaining("image/gif");
    }

    @Test
    void refusesAFileOverTheSizeLimitAndAnEmptyOne() {
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> policy.check(new Upload("big.pdf", big)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(413))
                .hasMessageContaining("the limit is 64 KB");
        assertThatThrownBy(() -> policy.check(new Upload("empty.txt", new byte[0])))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }

    @Test
    void refusesMoreFilesThanAMessageMayCarry() {
        assertThatThrownBy(() -> policy.check(Collections.nCopies(4, new Upload("a.png", PNG))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }
}
