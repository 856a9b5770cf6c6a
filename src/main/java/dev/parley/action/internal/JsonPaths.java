package dev.parley.action.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The small JSON path subset responses are read with: {@code $.order.status}, {@code $.items[0].name}. */
public final class JsonPaths {

    private static final Pattern PATH = Pattern.compile("\\$((\\.[A-Za-z_][A-Za-z0-9_-]*)|(\\[\\d+]))*");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\[(\\d+)]");

    private JsonPaths() {
    }

    public static boolean valid(String path) {
        return path != null && PATH.matcher(path).matches();
    }

    /** The value at {@code path}: text for scalars, JSON for objects and arrays; empty when absent or null. */
    public static Optional<String> read(JsonNode root, String path) {
        JsonNode node = root;
        Matcher step = STEP.matcher(path.substring(1));
        while (node != null && step.find()) {
            node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asString() : node.toString());
    }
}
