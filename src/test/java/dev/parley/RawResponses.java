package dev.parley;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads one HTTP/1.1 response (head and body, by Content-Length or chunked) from a raw socket's stream. */
final class RawResponses {

    private RawResponses() {
    }

    static String read(InputStream in) throws IOException {
        String head = line(in);
        StringBuilder response = new StringBuilder(head).append("\r\n");
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            response.append(header).append("\r\n");
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        response.append("\r\n");
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
                response.append(new String(in.readNBytes((int) size), StandardCharsets.UTF_8));
                line(in);
            }
            line(in);
        } else {
            response.append(new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
        }
        return response.toString();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended before the response did: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
