package dev.parley.channel.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The verification snippets of docs/webhooks.md, run as the reader would run them (python3, node, java). */
enum Snippet {
    PYTHON("python", "verify.py"), NODE("javascript", "verify.js"), JAVA("java", "VerifyParleySignature.java");

    private final String language;
    private final String file;

    Snippet(String language, String file) {
        this.language = language;
        this.file = file;
    }

    /** Runs the snippet on one delivery; 0 means it accepted the signature. */
    int run(Path dir, String secret, String header, byte[] body) throws IOException, InterruptedException {
        Path source = dir.resolve(file);
        Files.writeString(source, code());
        Path bodyFile = Files.createTempFile(dir, "body", ".json");
        Files.write(bodyFile, body);
        List<String> command = switch (this) {
            case PYTHON -> List.of("python3", source.toString(), secret, header, bodyFile.toString());
            case NODE -> List.of("node", source.toString(), secret, header, bodyFile.toString());
            case JAVA -> List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), source.toString(),
                    secret, header, bodyFile.toString());
        };
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(this + " snippet did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() > 1) {
            throw new IllegalStateException(this + " snippet failed to run: " + output);
        }
        return process.exitValue();
    }

    private String code() throws IOException {
        String doc = Files.readString(Path.of("docs/webhooks.md"));
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        if (!block.find()) {
            throw new IllegalStateException("docs/webhooks.md has no " + language + " snippet");
        }
        return block.group(1);
    }
}
