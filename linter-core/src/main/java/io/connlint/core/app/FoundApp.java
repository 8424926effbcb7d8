package io.connlint.core.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An app discovery found: its name (before two of one name are told apart), its files, and the
 * gunicorn configuration that gives its processes and threads, when the project has one for it.
 */
public record FoundApp(String name, List<Path> files, Optional<Path> gunicorn) {

    public FoundApp {
        files = List.copyOf(files);
    }

    public FoundApp(String name, List<Path> files) {
        this(name, files, Optional.empty());
    }
}
