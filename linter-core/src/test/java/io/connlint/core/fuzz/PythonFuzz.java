package io.connlint.core.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The readers of Python files (Django settings, gunicorn.conf.py): seeded from the corpus's Python
 * files and {@link Pythons}' samples, with the modules and .env files those samples import.
 */
abstract class PythonFuzz extends ReaderFuzz {

    @Override
    List<String> corpusDirectories() {
        return List.of("django");
    }

    @Override
    boolean isSeed(String fileName) {
        return fileName.endsWith(".py");
    }

    @Override
    List<String> builtInSeeds() {
        return Pythons.SEEDS;
    }

    @Override
    List<String> dictionary() {
        return Pythons.DICTIONARY;
    }

    @Override
    String hostile(int variant, int size) {
        return Pythons.hostile(variant, size);
    }

    @Override
    void fixtures(Path dir) throws IOException {
        Pythons.fixtures(dir);
    }
}
