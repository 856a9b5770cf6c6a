package dev.parley.channel.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Twilio's Messages REST API: one SMS per call, HTTP Basic with the account SID and auth token. */
@Component
class TwilioClient {

    private final SmsSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    TwilioClient(SmsSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Twilio's answer: the message SID when accepted, else its error code and message. */
    record Sent(int status, String sid, Integer errorCode, String errorMessage) {

        boolean ok() {
            return status >= 200 && status < 300 && sid != null;
        }

        /** A 4xx other than timeout or rate limiting will not change by trying again. */
        boolean permanent() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }

        String reason() {
            return "Twilio answered " + status + (errorCode == null ? "" : " (error " + errorCode + ")")
                    + (errorMessage == null ? "" : ": " + errorMessage);
        }
    }

    Sent send(SmsInboxes.Account account, String to, String body, String statusCallback)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", account.phoneNumber());
        form.put("Body", body);
        form.put("StatusCallback", statusCallback);
        String encoded = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString((account.accountSid() + ":" + account.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.twilioBaseUrl().replaceAll("/+$", "")
                        + "/2010-04-01/Accounts/" + enc(account.accountSid()) + "/Messages.json"))
                .timeout(settings.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return new Sent(response.statusCode(), text(answer, "sid"), null, null);
        }
        JsonNode code = answer == null ? null : answer.get("code");
        String message = text(answer, "message");
        if (message == null && response.body() != null && !response.body().isBlank()) {
            message = response.body().strip();
        }
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300);
        }
        return new Sent(response.statusCode(), null, code != null && code.isNumber() ? code.asInt() : null, message);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
