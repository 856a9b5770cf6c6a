package dev.parley.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One mailbox, with the display name people see ({@code Ann Smith <ann@example.com>}). The address is checked
 * strictly on creation, so a mail is never built for something a server would refuse as syntax.
 */
public record MailAddress(String name, String address) {

    public MailAddress {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("mail address is empty");
        }
        address = address.strip();
        try {
            var parsed = new InternetAddress(address, true);
            if (!parsed.getAddress().equals(address) || parsed.getPersonal() != null || address.indexOf('@') < 1) {
                throw new AddressException("not a bare local@domain address");
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("invalid mail address '" + address + "': " + e.getMessage());
        }
        if (name != null) {
            name = name.strip();
            if (name.isEmpty()) {
                name = null;
            }
        }
    }

    public static MailAddress of(String address) {
        return new MailAddress(null, address);
    }

    /** Reads {@code Ann <ann@example.com>} or a bare address, as written in a header or a setting. */
    public static MailAddress parse(String text) {
        try {
            var parsed = new InternetAddress(text == null ? "" : text.strip(), true);
            return new MailAddress(parsed.getPersonal(), parsed.getAddress());
        } catch (AddressException e) {
            throw new IllegalArgumentException("invalid mail address '" + text + "': " + e.getMessage());
        }
    }

    /** The part after the @, lower-cased (domains are case-insensitive). */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return name == null ? address : "\"" + name.replace("\"", "'") + "\" <" + address + ">";
    }
}
