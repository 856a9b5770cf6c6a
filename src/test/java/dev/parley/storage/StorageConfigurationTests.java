package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class StorageConfigurationTests {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Storage.class);

    @Test
    void storesFilesUnderTheDataDirectoryByDefault() {
        context.withPropertyValues("parley.data-dir=" + dataDir).run(started -> {
            FileStorage storage = started.getBean(FileStorage.class);
            storage.put(StorageKey.of("exports/a.csv"), new byte[] {1});

            assertThat(storage).isInstanceOf(LocalFileStorage.class);
            assertThat(dataDir.resolve("files/exports/a.csv")).exists();
        });
    }

    @Test
    void aLocalDirectoryCanBeNamed() {
        context.withPropertyValues("parley.data-dir=" + dataDir,
                "parley.storage.local.directory=" + dataDir.resolve("elsewhere")).run(started -> {
            started.getBean(FileStorage.class).put(StorageKey.of("a.bin"), new byte[] {1});

            assertThat(dataDir.resolve("elsewhere/a.bin")).exists();
        });
    }

    @Test
    void s3NeedsABucketAndBothHalvesOfAKey() {
        context.withPropertyValues("parley.data-dir=" + dataDir, "parley.storage.type=s3").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("parley.storage.s3.bucket"));
        context.withPropertyValues("parley.data-dir=" + dataDir, "parley.storage.type=s3",
                "parley.storage.s3.bucket=files", "parley.storage.s3.access-key=only-half").run(started ->
                assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("access-key and secret-key go together"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageSettings.class)
    @Import(StorageConfiguration.class)
    static class Storage {
    }
}
