package dev.parley.hostile;

import java.util.List;

/**
 * One generated way of being hostile, applied in a try to every endpoint: the value put into path variables, the
 * values put into query parameters and form or JSON fields, how the body is shaped and what Content-Type it claims.
 */
record Hostility(String pathValue, List<String> scalars, List<String> jsonValues, Shape shape, byte[] rawBody,
        String contentType, Params params, boolean realCredentials) {

    enum Shape { JSON_FIELDS, FORM_FIELDS, MULTIPART_FIELDS, RAW, NONE }

    /** How parameters are sent: left out, once, twice with different values, or among nameless junk pairs. */
    enum Params { MISSING, ONCE, DUPLICATED, JUNK }

    String scalar(int i) {
        return scalars.get(i % scalars.size());
    }

    String jsonValue(int i) {
        return jsonValues.get(i % jsonValues.size());
    }

    @Override
    public String toString() {
        return "Hostility[path=" + abbreviate(pathValue) + ", scalars=" + scalars.stream().map(Hostility::abbreviate).toList()
                + ", json=" + jsonValues.stream().map(Hostility::abbreviate).toList() + ", shape=" + shape
                + (shape == Shape.RAW ? " (" + rawBody.length + " bytes: " + abbreviate(new String(rawBody,
                        java.nio.charset.StandardCharsets.ISO_8859_1)) + ")" : "")
                + ", contentType=" + contentType + ", params=" + params + ", realCredentials=" + realCredentials + "]";
    }

    /** Long and invisible values readable in a report: escaped, and cut after 40 characters with the length. */
    static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return "'" + out + "'" + (value.length() > 40 ? "…(" + value.length() + " chars)" : "");
    }
}
