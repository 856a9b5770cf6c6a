import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class ParleyIdentity {

    /** Attributes for the widget's script tag, for the signed-in customer. Sign on your server, never in a browser. */
    public static Map<String, String> sign(String userId, String email, String secret) throws Exception {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] payload = (userId + "\n" + email + "\n" + timestamp).getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(mac.doFinal(payload));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("data-parley-user-id", userId);
        attributes.put("data-parley-user-email", email);
        attributes.put("data-parley-user-timestamp", timestamp);
        attributes.put("data-parley-user-signature", signature);
        return attributes;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> attributes = sign(args[0], args[1], System.getenv("PARLEY_WIDGET_SECRET"));
        System.out.println(attributes.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}")));
    }
}
