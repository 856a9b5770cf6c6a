package dev.parley.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The generators of the hostile-input suite, drawn from one seeded {@link Random} so a run repeats exactly: unicode
 * edge cases, numbers out of every range, ids that are not ids, malformed and mis-encoded bodies, and Content-Types
 * that lie. Values a client can put on the wire only; the
 * JSON texts are written by hand so a lone surrogate travels as the escape {@code \ud800}.
 */
final class HostileValues {

    static final String HUNDRED_K = "x".repeat(100_000);

    /** Path-variable values; "$…" names a real id of the run (a conversation, an article, an agent). */
    private static final List<String> IDS = List.of("not-an-id", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffffff", "..", "...", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5c..%5cwin.ini",
            "%00", "%ff", "%zz", "100%", "%C0%AE%C0%AE", "%ED%A0%80", "-1", "0", "1e9", "99999999999999999999999", "NaN", "null",
            "\uD83D\uDE00", "\u202Eevil", "\u200B", "a".repeat(5000), "$conversation", "$widget-conversation",
            "$article", "$agent", "$message");

    private static final List<String> EDGE_TEXT = List.of("", " ", "\u200B\u200C\u200D\uFEFF", "\u202Egnp.exe",
            "\u0000", "a\u0000b", "\uD800", "\uDFFF", "x\uD800y", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\u200D",
            "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "\u0301".repeat(10_000), "\uFFFF\uFFFE",
            "../../../../etc/passwd", "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://127.0.0.1/x}",
            "%s%n%x", "NaN", "Infinity", "-Infinity", "-1", "-0", "0", "1e9", "1e309", "9223372036854775808",
            "-2147483649", "1.5", "2026-13-45", "2026-02-30T25:61:00Z", "not-a-date", "null", "true", "[]", "{}",
            "\r\nX-Injected: 1", "\t\u000B\f", "\u0085\u2028\u2029", "\uD83D\uDE00".repeat(50_000), HUNDRED_K);

    private HostileValues() {
    }

    /** One generated way of being hostile, drawn from the suite's seeded random source. */
    static Hostility hostility(Random random) {
        return new Hostility(pick(random, IDS), list(random, HostileValues::text), list(random, HostileValues::jsonValue),
                pick(random, List.of(Hostility.Shape.values())), rawBody(random), contentTypeOverride(random),
                pick(random, List.of(Hostility.Params.values())), random.nextInt(4) != 3);
    }

    /** Edge texts most often, else random UTF-16 (lone surrogates included), invisible and combining marks, numbers. */
    static String text(Random random) {
        int roll = random.nextInt(10);
        if (roll < 6) {
            return pick(random, EDGE_TEXT);
        }
        if (roll < 8) {
            return randomChars(random, random.nextInt(41), 0, 0xFFFF);
        }
        if (roll < 9) {
            char[][] ranges = {{'\u0300', '\u036F'}, {'\u202A', '\u202E'}, {'\u200B', '\u200F'}};
            StringBuilder out = new StringBuilder();
            for (int i = 1 + random.nextInt(60); i > 0; i--) {
                char[] range = ranges[random.nextInt(ranges.length)];
                out.append((char) (range[0] + random.nextInt(range[1] - range[0] + 1)));
            }
            return out.toString();
        }
        return String.valueOf(random.nextLong());
    }

    /** A JSON value text: strings of every edge, numbers JSON allows but no Java type holds, wrong types. */
    static String jsonValue(Random random) {
        int roll = random.nextInt(9);
        if (roll < 5) {
            return jsonString(text(random));
        }
        if (roll < 8) {
            return pick(random, JSON_EDGES);
        }
        return String.valueOf(random.nextInt());
    }

    static byte[] rawBody(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> pick(random, MALFORMED).getBytes(StandardCharsets.UTF_8);
            // Latin-1 bytes declared as UTF-8, UTF-16 where UTF-8 is expected, invalid and overlong UTF-8
            case 1 -> "{\"message\":\"caf\u00e9 \u00fcber\",\"text\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> "{\"message\":\"utf-16\"}".getBytes(StandardCharsets.UTF_16);
            case 3 -> pick(random, INVALID_UTF8).clone();
            case 4 -> {
                byte[] bytes = new byte[random.nextInt(301)];
                random.nextBytes(bytes);
                yield bytes;
            }
            // oversized: above the JSON limit, below the form limit (2 MB)
            case 5 -> ("{\"message\":\"" + "y".repeat(1_500_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> pick(random, MALFORMED).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Most requests keep the Content-Type the endpoint consumes; the others claim something else, or nothing. */
    static String contentTypeOverride(Random random) {
        if (random.nextInt(10) < 6) {
            return null;
        }
        return random.nextInt(CONTENT_TYPES.size() + 1) == 0 ? "" : pick(random, CONTENT_TYPES);
    }

    private static final List<String> JSON_EDGES = List.of("1e309", "-1e309", "-0", "-1", "0", "1.5",
            "123456789012345678901234567890", "-9223372036854775809", "2147483648", "true", "false", "null", "[]", "{}",
            "[null]", "{\"a\":{\"b\":{\"c\":[1,2,{}]}}}", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"",
            "\"\\u202e\"", "[" + "[".repeat(2000) + "]".repeat(2000) + "]", "[" + "\"x\",".repeat(20_000) + "\"x\"]");

    private static final List<String> MALFORMED = List.of("{", "[", "{\"message\":", "{\"message\":\"hi\"",
            "{\"a\":}", "{}garbage", "\"unterminated", "{\"text\": NaN}", "{'single':'quotes'}", "{\"a\":1,\"a\":2}",
            "\uFEFF{\"message\":\"bom\"}", "[".repeat(100_000), "{\"a\":".repeat(20_000),
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "a=1&a=2&=&&%zz=%", "--hostile\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\n\r\n"
                    + "hi\r\n--hostile--\r\n");

    private static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
            new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, new byte[] {0, 0, 0, 0});

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "application/json; charset=ISO-8859-1", "application/json; charset=no-such-charset",
            "application/json; charset=\"", "text/plain", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "multipart/form-data; boundary=hostile",
            "multipart/form-data", "application/xml", "text/html", "application/octet-stream",
            "application/problem+json", "*/*", "garbage", "application/json;;;", "text/event-stream", "image/png");

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> list(Random random, java.util.function.Function<Random, T> one) {
        List<T> values = new java.util.ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            values.add(one.apply(random));
        }
        return List.copyOf(values);
    }

    private static String randomChars(Random random, int length, int from, int to) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (from + random.nextInt(to - from + 1)));
        }
        return out.toString();
    }

    /** The value as a JSON string literal; anything outside printable ASCII as a \\u escape (lone surrogates too). */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
