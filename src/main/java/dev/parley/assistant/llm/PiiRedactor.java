package dev.parley.assistant.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Replaces personal data with placeholders ({@code [EMAIL_1]}, {@code [PHONE_1]}, {@code [CARD_1]},
 * {@code [IBAN_1]}, {@code [NATIONAL_ID_1]}) before text leaves for a provider. Card numbers must pass
 * Luhn and IBANs mod 97, so order numbers and the like stay readable.
 */
@Component
public class PiiRedactor {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile(
            "\\b[A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CARD = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");
    private static final Pattern SSN = Pattern.compile("(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\w-])");
    private static final Pattern UK_NINO = Pattern.compile(
            "\\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+|00)?\\(?\\d[\\d ().-]{6,}\\d(?!\\w)");

    private final boolean redactStoredTranscripts;

    public PiiRedactor(LlmSettings settings) {
        this.redactStoredTranscripts = settings.redactStoredTranscripts();
    }

    /** Redacts one text on its own. */
    public String redact(String text) {
        return session().redact(text);
    }

    /** A session numbers placeholders across several texts (one conversation) and can restore them. */
    public Session session() {
        return new Session();
    }

    /**
     * The text to store for a customer message: redacted when {@code parley.assistant.redact-stored-transcripts}
     * is on, else unchanged. The conversation flow calls this before saving.
     */
    public String forStorage(String text) {
        return redactStoredTranscripts ? redact(text) : text;
    }

    /** Placeholders of one conversation: the same value always gets the same placeholder. */
    public static final class Session {

        private final Map<String, String> placeholderByValue = new LinkedHashMap<>();
        private final Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
        private final Map<String, Integer> counters = new LinkedHashMap<>();

        public String redact(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            String result = replace(text, EMAIL, "EMAIL", value -> true);
            result = replace(result, IBAN, "IBAN", PiiRedactor::validIban);
            result = replace(result, CARD, "CARD", PiiRedactor::luhnValid);
            result = replace(result, SSN, "NATIONAL_ID", value -> true);
            result = replace(result, UK_NINO, "NATIONAL_ID", value -> true);
            return replace(result, PHONE, "PHONE", PiiRedactor::looksLikePhone);
        }

        public List<String> redactAll(List<String> texts) {
            return texts.stream().map(this::redact).toList();
        }

        /** Puts the customer's own values back, e.g. into an answer that mentions {@code [EMAIL_1]}. */
        public String restore(String text) {
            String restored = text;
            for (var entry : valueByPlaceholder.entrySet()) {
                restored = restored.replace(entry.getKey(), entry.getValue());
            }
            return restored;
        }

        public Map<String, String> placeholders() {
            return Map.copyOf(valueByPlaceholder);
        }

        private String replace(String text, Pattern pattern, String kind, java.util.function.Predicate<String> valid) {
            Matcher matcher = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = matcher.group();
                String replacement = valid.test(value) ? placeholderFor(kind, value) : value;
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private String placeholderFor(String kind, String value) {
            String key = kind + ":" + value.replaceAll("[\\s().-]", "").toUpperCase();
            return placeholderByValue.computeIfAbsent(key, k -> {
                int n = counters.merge(kind, 1, Integer::sum);
                String placeholder = "[" + kind + "_" + n + "]";
                valueByPlaceholder.put(placeholder, value);
                return placeholder;
            });
        }
    }

    static boolean luhnValid(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "").toUpperCase();
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : Character.isLetter(c) ? c - 'A' + 10 : -1;
            if (value < 0) {
                return false;
            }
            remainder = (int) ((value > 9 ? remainder * 100L + value : remainder * 10L + value) % 97);
        }
        return remainder == 1;
    }

    static boolean looksLikePhone(String candidate) {
        int digits = candidate.replaceAll("\\D", "").length();
        boolean international = candidate.startsWith("+") || candidate.startsWith("00");
        boolean formatted = candidate.matches(".*\\d[ ().-]+\\d.*") || candidate.startsWith("(");
        if (candidate.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        return international ? digits >= 7 && digits <= 15
                : digits >= 9 && digits <= 15 && (formatted || candidate.startsWith("0"));
    }
}
