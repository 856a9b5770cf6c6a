package dev.parley.mail.internal;

import dev.parley.mail.MailAddress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/** Address headers read leniently (real mail breaks the grammar), kept only when each address is valid. */
public final class Addresses {

    private Addresses() {
    }

    /** All addresses of the header, as parsed; unreadable headers give none and a warning. */
    public static InternetAddress[] parse(String header, List<String> warnings) {
        if (header == null || header.isBlank()) {
            return new InternetAddress[0];
        }
        try {
            return InternetAddress.parseHeader(header, false);
        } catch (AddressException e) {
            warnings.add("unreadable address header: " + e.getMessage());
            return new InternetAddress[0];
        }
    }

    /** Up to {@code max} valid addresses, skipping groups and invalid ones. */
    public static List<MailAddress> valid(InternetAddress[] addresses, int max, List<String> warnings) {
        var out = new ArrayList<MailAddress>();
        for (InternetAddress address : addresses) {
            if (out.size() >= max) {
                break;
            }
            MailAddress valid = valid(address, warnings);
            if (valid != null) {
                out.add(valid);
            }
        }
        return out;
    }

    public static MailAddress first(String header, List<String> warnings) {
        List<MailAddress> all = valid(parse(header, warnings), 1, warnings);
        return all.isEmpty() ? null : all.getFirst();
    }

    /** How many mailboxes the addresses name (a group counts as none: its members are hidden). */
    public static int count(InternetAddress[] addresses) {
        int count = 0;
        for (InternetAddress address : addresses) {
            count += address.isGroup() ? 0 : 1;
        }
        return count;
    }

    private static MailAddress valid(InternetAddress address, List<String> warnings) {
        if (address.isGroup()) {
            return null;
        }
        try {
            String name = address.getPersonal();
            return new MailAddress(name == null ? null : HeaderText.decode(name, warnings), address.getAddress());
        } catch (IllegalArgumentException e) {
            warnings.add("skipped invalid address '" + address.getAddress() + "'");
            return null;
        }
    }
}
