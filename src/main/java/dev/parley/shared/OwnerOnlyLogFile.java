package dev.parley.shared;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the log file ({@code logging.file.name}) and its folder readable by the owner only, before the
 * logging system opens it: logs name customers, agents and paths that other local users have no business
 * reading. An existing file and folder are narrowed too. Only where the file system has POSIX permissions.
 */
class OwnerOnlyLogFile implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = environment.getProperty("logging.file.name");
        if (name == null || name.isBlank() || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            secure(Path.of(name));
        } catch (IOException | RuntimeException e) {
            // Logging is not up yet; the file then gets the default permissions, as before.
            System.err.println("Parley: could not make the log file " + name + " owner-only: " + e);
        }
    }

    static void secure(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.exists(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
