package io.connlint.core.read.mycnf;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB's {@code my_print_defaults} (Debian package mariadb-client-core), the oracle for how
 * the server's loader reads option files. It prints the arguments the loader builds, one per
 * line, exactly as {@link OptionEntry#asArgument()} renders them.
 *
 * <p>The 10.11 build has no {@code -s}/{@code --show} option (it answers "unknown option '-s'")
 * and prints passwords unmasked, so none is passed. {@code --defaults-file} must come first.
 */
final class MyPrintDefaults {

    /** What one run printed. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path binary;

    private MyPrintDefaults(Path binary) {
        this.binary = binary;
    }

    /** The binary on PATH; a skipped test when absent, a failed one when CI=true. */
    static MyPrintDefaults require() {
        Optional<Path> found = find();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("my_print_defaults is required under CI=true but is not on PATH; "
                    + "install it with: apt-get install -y mariadb-client-core");
        }
        Assumptions.assumeTrue(found.isPresent(),
                "skipped: my_print_defaults is not on PATH (apt-get install -y mariadb-client-core)");
        return new MyPrintDefaults(found.get());
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "my_print_defaults");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code my_print_defaults --defaults-file=F groups...} in F's directory: mysqld
     * resolves a relative include against its working directory, and connlint against the
     * top-level file's directory, so this is where the two agree.
     */
    Result run(Path file, List<String> groups) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("--defaults-file=" + file.getFileName());
        command.addAll(groups);
        ProcessBuilder builder = new ProcessBuilder(command).directory(file.toAbsolutePath().getParent().toFile());
        Map<String, String> env = builder.environment();
        // these add groups or files; the test wants exactly the named groups of the named file
        env.remove("MYSQL_GROUP_SUFFIX");
        env.remove("MARIADB_GROUP_SUFFIX");
        env.remove("MYSQL_HOME");
        env.remove("MARIADB_HOME");
        Path err = Files.createTempFile("my_print_defaults", ".err");
        try {
            builder.redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("my_print_defaults did not finish within 60 s on " + file);
            }
            return new Result(process.exitValue(), decode(out), Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** UTF-8 when the bytes are UTF-8, else latin1: the reader decodes names and values the same way. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
