package io.connlint.core.server;

import io.connlint.core.model.ServerEngine;
import io.connlint.core.read.TextFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The engine of a server nothing declares (discovery without connlint.yml). */
public final class EngineGuess {

    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();

    private EngineGuess() {
    }

    /**
     * MariaDB when the database image says so or a file has a group only MariaDB reads
     * ({@code [mariadb…]}, {@code [galera]}, {@code [client-server]}), MySQL 8.0 otherwise.
     *
     * @param image the image of the project's only database container, when there is one
     */
    public static ServerEngine of(List<Path> optionFiles, Optional<String> image) {
        if (image.orElse("").contains("mariadb")) {
            return MARIADB;
        }
        for (Path f : optionFiles) {
            try {
                String text = new String(TextFile.readBytes(f, f.toString()), StandardCharsets.ISO_8859_1)
                        .toLowerCase(Locale.ROOT);
                if (text.contains("[mariadb") || text.contains("[galera]") || text.contains("[client-server]")) {
                    return MARIADB;
                }
            } catch (TextFile.Unreadable | RuntimeException e) {
                // unreadable files are reported when they are read
            }
        }
        return ServerEngine.DEFAULT;
    }
}
