package dev.parley.mail;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a mail server is and how to log in, as one {@code imap://}, {@code imaps://}, {@code smtp://} or
 * {@code smtps://} URL: one setting per mailbox instead of five. User and password are percent-decoded, so a login
 * like {@code support@acme.com} is written {@code support%40acme.com}. {@link #toString()} never shows the password.
 */
public record MailUrl(String scheme, String host, int port, String user, String password, String folder) {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("imap", 143, "imaps", 993, "smtp", 587, "smtps", 465);
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(/[^?#]*)?");

    public MailUrl {
        if (scheme == null || !DEFAULT_PORTS.containsKey(scheme)) {
            throw new IllegalArgumentException("unknown mail URL scheme '" + scheme + "': use imap, imaps, smtp or smtps");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("mail URL has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mail URL port " + port + " is outside 1-65535");
        }
    }

    /** Reads a URL such as {@code imaps://support%40acme.com:secret@imap.acme.com/Support}. */
    public static MailUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("mail URL is empty");
        }
        var shape = SHAPE.matcher(url.strip());
        if (!shape.matches()) {
            throw new IllegalArgumentException("not a mail URL (scheme://[user[:password]@]host[:port][/folder],"
                    + " with ? # / @ : in the password percent-encoded): " + redactAnyPassword(url));
        }
        String scheme = shape.group(1).toLowerCase(Locale.ROOT);
        if (!DEFAULT_PORTS.containsKey(scheme)) {
            throw new IllegalArgumentException("unknown mail URL scheme '" + scheme + "': use imap, imaps, smtp or smtps");
        }
        String authority = shape.group(2);
        // the last @ separates the login: a password may hold an unencoded @, a host never does
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                user = null;
            }
        }
        String hostPort = authority.substring(at + 1);
        String host = hostPort;
        int port = DEFAULT_PORTS.get(scheme);
        int portColon = hostPort.lastIndexOf(':');
        if (portColon >= 0 && portColon > hostPort.lastIndexOf(']')) {
            host = hostPort.substring(0, portColon);
            port = parsePort(hostPort.substring(portColon + 1));
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("mail URL has no host: " + redactAnyPassword(url));
        }
        String folder = null;
        if (scheme.startsWith("imap")) {
            String path = shape.group(3) == null ? "" : decode(shape.group(3).substring(1));
            folder = path.isBlank() ? "INBOX" : path;
        }
        return new MailUrl(scheme, host, port, user, password, folder);
    }

    /** Implicit TLS from the first byte (imaps, smtps); the plain schemes still upgrade with STARTTLS when offered. */
    public boolean secure() {
        return scheme.endsWith("s");
    }

    public boolean isSmtp() {
        return scheme.startsWith("smtp");
    }

    public boolean isImap() {
        return scheme.startsWith("imap");
    }

    /** The URL with the password replaced by {@code ***}, fit for logs and screens. */
    public String redacted() {
        var out = new StringBuilder(scheme).append("://");
        if (user != null) {
            out.append(encode(user));
            if (password != null) {
                out.append(":***");
            }
            out.append('@');
        }
        out.append(host).append(':').append(port);
        if (folder != null) {
            out.append('/').append(encode(folder).replace("%2F", "/"));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mail URL port '" + text + "' is not a number");
        }
    }

    private static String decode(String text) {
        try {
            // URLDecoder is for forms: a literal + must stay a +
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mail URL has a broken %-escape");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String redactAnyPassword(String url) {
        return url.replaceAll("(://[^:/@]*:)[^/]*@", "$1***@");
    }
}
