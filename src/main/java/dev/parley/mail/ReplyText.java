package dev.parley.mail;

import dev.parley.mail.internal.ReplyPatterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of a reply the customer just wrote, without the quoted history below it, the reply header above that
 * history and their signature: what an agent and the assistant need to read. Follows the rules of the
 * email-reply-parser family (GitHub's, William Durand's, Zapier's), extended for the reply headers of Gmail, Outlook
 * (desktop, web, mobile), Apple Mail and Thunderbird in English, German and French.
 */
public final class ReplyText {

    private ReplyText() {
    }

    /** The new part of a reply: quoted history, reply headers and signatures removed. Never returns blank for a non-blank input (falls back to the original). */
    public static String visible(String text) {
        if (text == null || text.isBlank()) {
            return text == null ? "" : text;
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = Arrays.asList(normalized.split("\n", -1));
        String visible = String.join("\n", withoutSignature(withoutHistory(lines))).strip();
        return visible.isEmpty() ? normalized.strip() : visible;
    }

    private static List<String> withoutHistory(List<String> lines) {
        var kept = new ArrayList<String>();
        boolean forwarding = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            forwarding |= ReplyPatterns.isForwardMarker(line);
            int header = ReplyPatterns.replyHeaderLines(lines, i);
            if (header > 0) {
                int next = skipBlank(lines, i + header);
                if (next < lines.size() && !ReplyPatterns.isQuoted(lines.get(next))) {
                    break; // history without quote marks (Outlook, converted HTML): it runs to the end
                }
                i = next;
                continue;
            }
            if (ReplyPatterns.isQuoted(line)) {
                // a quote block; a customer who answers below it keeps what they wrote there
                while (i < lines.size() && ReplyPatterns.isQuoted(lines.get(i))) {
                    i++;
                }
                continue;
            }
            // a forwarded mail's From/Date/Subject block is what the customer wants us to read, not history
            if (!forwarding && ReplyPatterns.startsHistory(lines, i)) {
                break;
            }
            kept.add(line);
            i++;
        }
        return kept;
    }

    private static List<String> withoutSignature(List<String> lines) {
        var kept = new ArrayList<String>();
        for (String line : lines) {
            if (ReplyPatterns.isSignatureDelimiter(line)) {
                break;
            }
            kept.add(line.stripTrailing());
        }
        // "Sent from my iPhone" only counts as a signature where one stands: last, not inside the text
        int last = kept.size() - 1;
        while (last >= 0 && (kept.get(last).isBlank() || ReplyPatterns.isMobileSignature(kept.get(last)))) {
            kept.remove(last--);
        }
        return kept;
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }
}
