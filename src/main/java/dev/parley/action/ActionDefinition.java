package dev.parley.action;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An action as an admin defines it (and exports it as JSON): what it does, where its inputs come from, the HTTP
 * request to make (templates: {@code {{input}}} is URL-encoded in the URL, JSON-escaped in the body), the response
 * fields to use (JSON paths), the answer the customer gets, and its risk and limits.
 *
 * @param connection the name of the connection whose credentials the request carries, or {@code null}
 * @param requiresIdentity only for customers the host site verified (implied by an identity-sourced input)
 * @param mockResponse a JSON body a test run uses instead of calling the API
 * @param article the id of the help article whose intent runs this action (offline assistant), or {@code null}
 * @param signInMessage what an anonymous customer is told (how to sign in) instead of a hand-over, or {@code null}
 */
public record ActionDefinition(UUID id, String name, String description, List<String> examples,
        List<Input> inputs, Request request, String connection, List<ResponseField> responseFields,
        String answerTemplate, Risk risk, Boolean confirm, String confirmationQuestion, Boolean requiresIdentity,
        Integer timeoutMillis, Integer maxResponseBytes, Integer ratePerMinute, String mockResponse,
        String article, String signInMessage) {

    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 65536;
    public static final int DEFAULT_RATE_PER_MINUTE = 60;

    /** What an admin leaves out of the JSON gets its default: no confirmation, 5 s, 64 KB, 60 calls a minute. */
    public ActionDefinition {
        examples = examples == null ? List.of() : List.copyOf(examples);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        responseFields = responseFields == null ? List.of() : List.copyOf(responseFields);
        confirm = confirm != null && confirm;
        requiresIdentity = requiresIdentity != null && requiresIdentity;
        timeoutMillis = timeoutMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
        maxResponseBytes = maxResponseBytes == null ? DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        ratePerMinute = ratePerMinute == null ? DEFAULT_RATE_PER_MINUTE : ratePerMinute;
    }

    /** An action attached to no article and telling anonymous customers nothing in particular. */
    public ActionDefinition(UUID id, String name, String description, List<String> examples, List<Input> inputs,
            Request request, String connection, List<ResponseField> responseFields, String answerTemplate, Risk risk,
            Boolean confirm, String confirmationQuestion, Boolean requiresIdentity, Integer timeoutMillis,
            Integer maxResponseBytes, Integer ratePerMinute, String mockResponse) {
        this(id, name, description, examples, inputs, request, connection, responseFields, answerTemplate, risk,
                confirm, confirmationQuestion, requiresIdentity, timeoutMillis, maxResponseBytes, ratePerMinute,
                mockResponse, null, null);
    }

    public enum Risk { READ, WRITE }

    public enum Type { STRING, INTEGER, DECIMAL, BOOLEAN, ENUM }

    /** Where an input's value comes from. */
    public enum Source {
        /** The verified customer's id (as the host site knows them). */
        IDENTITY_ID,
        /** The verified customer's email address. */
        IDENTITY_EMAIL,
        /** The conversation's id. */
        CONVERSATION,
        /** Asked from the customer with {@code prompt}. */
        ASK
    }

    /** A typed input; {@code redact} masks it in the execution log. */
    public record Input(String name, Type type, Source source, Boolean required, String pattern, List<String> values,
            String prompt, Boolean redact) {

        public Input {
            required = required == null || required;
            redact = redact != null && redact;
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record Request(String method, String url, Map<String, String> headers, String body) {
    }

    /** A value taken from the JSON response; a {@code redact}ed one is masked in the execution log. */
    public record ResponseField(String name, String path, Boolean required, Boolean redact) {

        public ResponseField {
            required = required != null && required;
            redact = redact != null && redact;
        }
    }

    public boolean needsIdentity() {
        return requiresIdentity || inputs.stream()
                .anyMatch(i -> i.source() == Source.IDENTITY_ID || i.source() == Source.IDENTITY_EMAIL);
    }

    public boolean needsConfirmation() {
        return risk == Risk.WRITE && confirm;
    }
}
