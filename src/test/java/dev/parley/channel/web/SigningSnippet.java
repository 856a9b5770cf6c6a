package dev.parley.channel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** The signing code of the "Widget identity" admin page, taken from the rendered page and run as a site would. */
enum SigningSnippet {
    JAVA("Java", "ParleyIdentity.java"), NODE("Node.js", "sign.js"), PYTHON("Python", "sign.py"), PHP("PHP", "sign.php");

    private final String label;
    private final String file;

    SigningSnippet(String label, String file) {
        this.label = label;
        this.file = file;
    }

    /** Runs the snippet from {@code page} with the secret in PARLEY_WIDGET_SECRET; returns what it printed. */
    String sign(String page, Path dir, String secret, String userId, String email)
            throws IOException, InterruptedException {
        Path source = dir.resolve(file);
        Files.writeString(source, code(page));
        List<String> command = switch (this) {
            case JAVA -> List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), source.toString(),
                    userId, email);
            case NODE -> List.of("node", source.toString(), userId, email);
            case PYTHON -> List.of("python3", source.toString(), userId, email);
            case PHP -> List.of("php", source.toString(), userId, email);
        };
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PARLEY_WIDGET_SECRET", secret);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(this + " snippet did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(this + " snippet failed: " + output);
        }
        return output;
    }

    private String code(String page) {
        Matcher block = Pattern.compile("<code data-snippet=\"" + Pattern.quote(label) + "\">(.*?)</code>",
                Pattern.DOTALL).matcher(page);
        if (!block.find()) {
            throw new IllegalStateException("The admin page shows no " + label + " snippet");
        }
        return HtmlUtils.htmlUnescape(block.group(1));
    }
}
