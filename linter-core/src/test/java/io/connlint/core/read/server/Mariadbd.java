package io.connlint.core.read.server;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB's server binary (Debian package mariadb-server), the oracle for the values the server
 * runs with. {@code mariadbd --defaults-file=F --help --verbose} applies the option file, the
 * open-files algorithm and the autosizing without starting the server, and prints the effective
 * variables as a {@code name  value} table after the line "Variables (--variable-name=value)";
 * "Changed limits" and "Could not increase" warnings go to stderr. Run as root it needs no
 * {@code --user} for {@code --help} (checked on 10.11.19).
 *
 * <p>Refusal: the exit code is not 0 (7 for an unknown variable, 9 for a bad suffix, measured),
 * or stderr has an {@code [ERROR]} line.
 */
final class Mariadbd {

    /** What one run gave. */
    record Result(int exitCode, Map<String, String> variables, String stderr, String stdout) {

        boolean refused() {
            return exitCode != 0 || stderr.contains("[ERROR]");
        }

        long number(String name) {
            String v = variables.get(name);
            if (v == null) {
                throw new AssertionError("mariadbd printed no " + name);
            }
            return v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v);
        }
    }

    private static final long TIMEOUT_SECONDS = 20;

    private final Path binary;

    private Mariadbd(Path binary) {
        this.binary = binary;
    }

    /** One server run of a case. */
    interface Run<C, R> {
        R apply(C c) throws Exception;
    }

    /**
     * {@code run} applied to each case, four server runs at a time (each run is a process that
     * mostly waits), the results in the order of the cases.
     */
    static <C, R> List<R> eachInParallel(List<C> cases, Run<C, R> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (C c : cases) {
                futures.add(pool.submit(() -> run.apply(c)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The binary (PATH or /usr/sbin); a skipped test when absent, a failed one when CI=true. */
    static Mariadbd require() {
        Optional<Path> found = find();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("mariadbd is required under CI=true but was not found; "
                    + "install it with: apt-get install -y mariadb-server");
        }
        Assumptions.assumeTrue(found.isPresent(),
                "skipped: mariadbd is not installed (apt-get install -y mariadb-server)");
        return new Mariadbd(found.get());
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        StringBuilder dirs = new StringBuilder(path == null ? "" : path);
        dirs.append(File.pathSeparator).append("/usr/sbin");
        for (String dir : dirs.toString().split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mariadbd");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code ulimit -n N} (soft and hard) then {@code mariadbd --defaults-file=F --help
     * --verbose} in F's directory.
     */
    Result run(Path file, long openFiles) throws IOException, InterruptedException {
        return run(file, "ulimit -n " + openFiles + " && exec \"$0\" --defaults-file=\"$1\" --help --verbose");
    }

    /**
     * As a systemd service with {@code LimitNOFILE=soft:hard} runs it: the soft and the hard
     * limit set apart, and mariadbd run as an unprivileged user ({@code setpriv}, user nobody),
     * which can raise its soft limit only up to the hard one. F and its directory must be
     * readable by others.
     */
    Result runUnprivileged(Path file, long soft, long hard) throws IOException, InterruptedException {
        // not root already: the process cannot raise its hard limit anyway
        String drop = "root".equals(System.getProperty("user.name"))
                ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        return run(file, "ulimit -S -n " + soft + " && ulimit -H -n " + hard + " && exec " + drop
                + "\"$0\" --defaults-file=\"$1\" --help --verbose");
    }

    private Result run(Path file, String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", script, binary.toString(),
                file.getFileName().toString())).directory(file.toAbsolutePath().getParent().toFile());
        Map<String, String> env = builder.environment();
        env.remove("MYSQL_GROUP_SUFFIX");
        env.remove("MARIADB_GROUP_SUFFIX");
        env.remove("MYSQL_HOME");
        env.remove("MYSQL_TCP_PORT");
        env.remove("MYSQL_UNIX_PORT");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mariadbd --help did not finish in " + TIMEOUT_SECONDS + " s for " + file);
        }
        String stdout = new String(out.join(), StandardCharsets.UTF_8);
        String stderr = new String(err.join(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), parse(stdout), stderr, stdout);
    }

    /** The table after "Variables (--variable-name=value)": names with dashes → underscores. */
    static Map<String, String> parse(String stdout) {
        Map<String, String> variables = new LinkedHashMap<>();
        int start = stdout.indexOf("Variables (--variable-name=value)");
        if (start < 0) {
            return variables;
        }
        boolean table = false;
        for (String line : stdout.substring(start).split("\n")) {
            if (line.startsWith("----")) {
                table = true;
                continue;
            }
            if (!table) {
                continue;
            }
            if (line.isBlank()) {
                break;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = line.substring(0, space).replace('-', '_');
            variables.put(name, line.substring(space).strip());
        }
        return variables;
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
