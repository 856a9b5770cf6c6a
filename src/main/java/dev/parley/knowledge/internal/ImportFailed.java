package dev.parley.knowledge.internal;

import dev.parley.shared.ApiException;
import org.springframework.http.HttpStatus;

/** An import file is broken; {@code line} (1-based) and {@code file} say where. Nothing was imported. */
public class ImportFailed extends ApiException {

    private final String file;
    private final int line;

    public ImportFailed(String file, int line, String problem) {
        super(HttpStatus.BAD_REQUEST, "Import failed", where(file, line) + problem + ". Nothing was imported.");
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    private static String where(String file, int line) {
        String at = line > 0 ? "line " + line : "";
        if (file == null || file.isBlank()) {
            return at.isEmpty() ? "" : capitalised(at) + ": ";
        }
        return file + (at.isEmpty() ? "" : " " + at) + ": ";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
