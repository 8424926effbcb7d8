package io.connlint.core.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world configuration corpus beside the repository ({@code ../shared/corpus}). Tests
 * that need it skip with a message when it is absent (a user's clone), but fail under CI=true.
 */
public final class Corpus {

    private Corpus() {
    }

    /** {@code <corpus>/realworld/<sub>}, or a skipped (or, in CI, failed) test. */
    public static Path realworld(String sub) {
        String configured = System.getProperty("connlint.corpus");
        Path dir = configured == null ? null : Path.of(configured, "realworld", sub);
        boolean present = dir != null && Files.isDirectory(dir);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("the shared corpus is required under CI=true but " + dir + " does not exist");
        }
        Assumptions.assumeTrue(present, "skipped: the shared corpus (../shared/corpus) is not beside this clone");
        return dir;
    }

    /**
     * {@code <corpus>/realworld/<sub>} when it is there, for tests that fall back to built-in
     * samples without it (the fuzz seeds); under CI=true its absence fails as above.
     */
    public static java.util.Optional<Path> realworldIfPresent(String sub) {
        String configured = System.getProperty("connlint.corpus");
        Path dir = configured == null ? null : Path.of(configured, "realworld", sub);
        boolean present = dir != null && Files.isDirectory(dir);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("the shared corpus is required under CI=true but " + dir + " does not exist");
        }
        if (!present) {
            System.out.println("the shared corpus (../shared/corpus) is not beside this clone: built-in samples only");
        }
        return present ? java.util.Optional.of(dir) : java.util.Optional.empty();
    }
}
