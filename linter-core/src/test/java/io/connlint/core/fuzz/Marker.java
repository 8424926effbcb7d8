package io.connlint.core.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class whose construction creates a file: if any YAML reader ever built objects from type tags,
 * {@code !!io.connlint.core.fuzz.Marker [path]} would create {@code path}.
 */
public final class Marker {

    public Marker(String path) throws IOException {
        Files.writeString(Path.of(path), "constructed");
    }
}
