package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class OwnerOnlyLogFileTests {

    @TempDir
    Path temp;

    @Test
    void createsTheLogFileAndItsFolderForTheOwnerOnly() throws Exception {
        Path file = temp.resolve("data/logs/parley.log");
        new OwnerOnlyLogFile().postProcessEnvironment(new MockEnvironment()
                .withProperty("logging.file.name", file.toString()), new SpringApplication());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void narrowsAnExistingLogFile() throws Exception {
        Path file = Files.createDirectories(temp.resolve("logs")).resolve("parley.log");
        Files.writeString(file, "old lines\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnlyLogFile.secure(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(file).hasContent("old lines");
    }
}
