package dev.parley.assistant.llm;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's decision as strict JSON: {@code answerable} (boolean), {@code usedSources} (article ids)
 * and {@code answer} (text). Anything else — prose, missing or mistyped fields — is a failure.
 */
record StructuredAnswer(boolean answerable, List<String> usedSources, String answer) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    static StructuredAnswer parse(String output) {
        String json = withoutCodeFence(output.strip());
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw invalid("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw invalid("not a JSON object");
        }
        JsonNode answerable = node.get("answerable");
        JsonNode sources = node.get("usedSources");
        JsonNode answer = node.get("answer");
        if (answerable == null || !answerable.isBoolean()) {
            throw invalid("answerable must be a boolean");
        }
        if (sources == null || !sources.isArray()) {
            throw invalid("usedSources must be an array");
        }
        if (answer == null || !answer.isString()) {
            throw invalid("answer must be a string");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : sources) {
            if (!id.isString()) {
                throw invalid("usedSources must hold article ids");
            }
            ids.add(id.asString());
        }
        if (answerable.asBoolean() && answer.asString().isBlank()) {
            throw invalid("an answerable question needs an answer");
        }
        return new StructuredAnswer(answerable.asBoolean(), List.copyOf(ids), answer.asString().strip());
    }

    private static String withoutCodeFence(String text) {
        if (text.startsWith("```") && text.endsWith("```") && text.length() > 6) {
            String inner = text.substring(3, text.length() - 3);
            return inner.startsWith("json") ? inner.substring(4) : inner;
        }
        return text;
    }

    private static LlmException invalid(String why) {
        return new LlmException(LlmException.Kind.INVALID_RESPONSE, "the model's structured answer is invalid: " + why);
    }
}
