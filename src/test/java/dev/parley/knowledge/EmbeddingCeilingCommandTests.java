package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCeilingCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EmbeddingCeilingCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void refusesToRunWithoutAQuestionsFile() {
        assertThat(run("--seconds", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--questions is required").contains("usage:");
    }

    @Test
    void refusesAConcurrencyBelowOne() {
        assertThat(run("--questions", "q.txt", "--concurrency", "1,0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--concurrency must be at least 1: 0");
    }

    @Test
    void refusesAQuestionsFileThatIsNotThere() {
        assertThat(run("--questions", "/nonexistent/questions.txt")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAQuestionsFileWithoutAQuestion(@TempDir Path dir) throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n  \n");

        assertThat(run("--questions", blank.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no questions in").contains("usage:");
    }
}
