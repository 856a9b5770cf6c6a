package dev.parley.mail.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How mail clients mark quoted history, in English, German and French (and the other languages the
 * email-reply-parser family knows): "On … wrote:" headers that Gmail wraps over up to three lines, Outlook's
 * separators and From/Sent/To/Subject blocks, the "-- " signature delimiter and the mobile signatures.
 */
public final class ReplyPatterns {

    private static final int MAX_HEADER_LINES = 3;
    private static final Pattern STARTS_REPLY_HEADER = Pattern.compile("(?i)^(On|Am|Le|El|Il|Op|Den|W dniu)\\s.*"
            + "|.*\\sschrieb am\\s.*");
    private static final List<Pattern> REPLY_HEADERS = List.of(
            Pattern.compile("(?i)^On\\s.{4,300}\\s(wrote|writes)\\s?:$"),
            Pattern.compile("(?i)^Am\\s.{4,300}\\sschrieb(\\s.{1,200})?\\s?:$"),
            Pattern.compile("(?i)^.{1,200}\\sschrieb am\\s.{4,200}:$"),
            Pattern.compile("(?i)^Le\\s.{4,300}\\sa\\s[ée]crit\\s?:$"),
            Pattern.compile("(?i)^El\\s.{4,300}\\sescribi[óo]\\s?:$"),
            Pattern.compile("(?i)^Il\\s.{4,300}\\sha scritto\\s?:$"),
            Pattern.compile("(?i)^Op\\s.{4,300}\\sschreef.{0,200}:$"),
            Pattern.compile("(?i)^Den\\s.{4,300}\\sskrev.{0,200}:$"),
            Pattern.compile("(?i)^W dniu\\s.{4,300}\\s(pisze|napisał\\(a\\)|napisał)\\s?:$"));
    private static final Pattern SEPARATOR = Pattern.compile("(?i)^(-{2,}\\s*(Original Message|Ursprüngliche"
            + " Nachricht|Original-Nachricht|Message d'origine|Mensaje original|Messaggio originale)\\s*-{2,}"
            + "|_{10,}|-{10,}\\s*Original\\s.*)$");
    private static final Pattern FORWARD_MARKER = Pattern.compile("(?i)^-{2,}\\s*(Forwarded message|Weitergeleitete"
            + " Nachricht|Message transf[ée]r[ée]|Begin forwarded message|Anfang der weitergeleiteten Nachricht"
            + "|D[ée]but du message r[ée]exp[ée]di[ée])\\s*:?\\s*-*$|^(Begin forwarded message|Anfang der"
            + " weitergeleiteten Nachricht|D[ée]but du message r[ée]exp[ée]di[ée])\\s?:$");
    private static final Pattern FROM_FIELD = Pattern.compile("(?i)^\\*?(From|Von|De|Van|Da|Från)\\s?:\\*?\\s*\\S.*");
    private static final Pattern DATE_FIELD = Pattern.compile("(?i)^\\*?(Sent|Date|Gesendet|Datum|Envoy[ée]|Verzonden"
            + "|Inviato|Enviado|Skickat)\\s?:\\*?.*");
    private static final Pattern SUBJECT_FIELD = Pattern.compile("(?i)^\\*?(Subject|Betreff|Objet|Onderwerp|Oggetto"
            + "|Asunto|Ämne)\\s?:\\*?.*");
    private static final Pattern ONE_LINE_HEADER_BLOCK = Pattern.compile("(?i)^\\*?(From|Von|De)\\s?:.+\\s"
            + "\\*?(Sent|Gesendet|Envoy[ée]|Date|Datum)\\s?:.+\\s\\*?(Subject|Betreff|Objet)\\s?:.*");
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("(?i)^(Sent from my \\S.{0,40}"
            + "|Sent from (Outlook|Mail|Yahoo Mail|Samsung Mobile)\\b.{0,40}|Sent with \\S.{0,40}"
            + "|Get Outlook for (iOS|Android)|Envoy[ée] de mon \\S.{0,40}|Envoy[ée] depuis \\S.{0,40}"
            + "|T[ée]l[ée]charger Outlook pour (iOS|Android)|Obtenir Outlook pour (iOS|Android)"
            + "|Von meinem \\S.{0,40} gesendet|Gesendet von \\S.{0,40}|Gesendet mit \\S.{0,40}"
            + "|Outlook für (iOS|Android) herunterladen|Holen Sie sich Outlook für (iOS|Android))"
            + "\\s*(<[^>\\s]+>)?\\.?$");

    private ReplyPatterns() {
    }

    /** How many lines from {@code start} form an "On … wrote:" header (0 when none starts there). */
    public static int replyHeaderLines(List<String> lines, int start) {
        String first = lines.get(start).strip();
        if (!STARTS_REPLY_HEADER.matcher(first).matches()) {
            return 0;
        }
        var joined = new StringBuilder();
        for (int i = start; i < Math.min(lines.size(), start + MAX_HEADER_LINES); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                return 0;
            }
            joined.append(i == start ? "" : " ").append(line);
            // a date or time is always in there: keeps "On Monday my colleague wrote:" as text
            String header = joined.toString();
            if (header.chars().anyMatch(Character::isDigit) && REPLY_HEADERS.stream().anyMatch(p -> p.matcher(header).matches())) {
                return i - start + 1;
            }
        }
        return 0;
    }

    /** Whether everything from this line on is history: Outlook's separators and From/Sent/Subject blocks. */
    public static boolean startsHistory(List<String> lines, int start) {
        String line = lines.get(start).strip();
        if (SEPARATOR.matcher(line).matches() || ONE_LINE_HEADER_BLOCK.matcher(line).matches()) {
            return true;
        }
        if (!FROM_FIELD.matcher(line).matches()) {
            return false;
        }
        boolean date = false;
        boolean subject = false;
        for (int i = start + 1; i < Math.min(lines.size(), start + 6); i++) {
            String next = lines.get(i).strip();
            date |= DATE_FIELD.matcher(next).matches();
            subject |= SUBJECT_FIELD.matcher(next).matches();
        }
        return date && subject;
    }

    public static boolean isForwardMarker(String line) {
        return FORWARD_MARKER.matcher(line.strip()).matches();
    }

    public static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    public static boolean isSignatureDelimiter(String line) {
        return SIGNATURE_DELIMITER.matcher(line).matches();
    }

    public static boolean isMobileSignature(String line) {
        return MOBILE_SIGNATURE.matcher(line.strip()).matches();
    }
}
