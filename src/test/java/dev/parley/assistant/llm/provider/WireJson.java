package dev.parley.assistant.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads request bodies providers put on the wire, and quotes strings into JSON for canned answers. */
final class WireJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WireJson() {
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The text of top-level field {@code name} of a JSON object. */
    static String field(String json, String name) {
        return read(json).path(name).asText();
    }

    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Contents of {@code messages[]} with the given role, where content is a string or text blocks. */
    static List<String> contentsWithRole(String body, String role) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : read(body).path("messages")) {
            if (role.equals(message.path("role").asText())) {
                texts.add(text(message.path("content")));
            }
        }
        return texts;
    }

    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode block : content) {
            joined.append(block.path("text").asText());
        }
        return joined.toString();
    }
}
