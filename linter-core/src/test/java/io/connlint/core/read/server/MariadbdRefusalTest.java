package io.connlint.core.read.server;

import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.server.Refusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CL504 against the real server: a seeded family of option files, some the server accepts and
 * some it refuses, each run through {@code mariadbd --defaults-file=F --help --verbose} (MariaDB
 * 10.11). mariadbd refuses a file when it exits with a non-zero code or logs an {@code [ERROR]}
 * ("unknown variable", "Unknown suffix", "Incorrect unsigned value", "requires an argument",
 * "Maximum value of … cannot be set", "Fatal error in defaults handling"). connlint must report a
 * refusal (Refusals, or a REFUSED issue of the reader) for exactly those files.
 *
 * <p>The family mixes lines the server accepts although they look wrong (a unique prefix, upper
 * case, {@code 64MB}, {@code loose-} before an unknown name, a decimal for a decimal option, a bad
 * value in a group or file the server does not read) with lines it refuses, each refused line
 * sometimes followed by a good line for the same variable (which does not rescue it).
 */
class MariadbdRefusalTest {

    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();
    private static final int FILES = 160;

    private static final List<String> ACCEPTED = List.of("max_connections = 500", "wait_timeout = 600",
            "sort_buffer_size = 64MB", "loose-no-such-plugin-option = 1", "skip-name-resolve", "max_connections = 1M",
            "long_query_time = 1.5", "wait = 700", "MAX_CONNECTIONS = 50", "key_buffer = 16M",
            "maximum-wait_timeout = 100", "thread_cache_size = \"\"", "max_connections =", "skip-max-connections",
            "table_cache = 100", "innodb_buffer_pool_size = 256M", "port = 3307", "bind-address = 0.0.0.0",
            "character-set-server = utf8mb4", "max-connections = \" 42\"", "max_user_connections = -1",
            "interactive_timeout = 1G", "net_buffer_length = 4k", "innodb_log_buffer_size = 32M",
            "max_connect_errors = 1000", "max_connections = +20", "thread_stack = 512K # a comment",
            "loose-skip-unknown-thing", "enable-wait-timeout", "open_files_limit = 5000");

    private static final List<String> REFUSED = List.of("max_connections = 1.5G", "max_connections = 1 G",
            "max_connections = 500 ; x", "wait_timeout = abc", "thread_cache_size = -5",
            "max_connections = 99999999999999999999", "table_open_cache", "bind-address", "time_zone = UTC",
            "sql_log_bin = 0", "max_connection_count = 5", "skip-foo", "maximum-max_connections = 5",
            "max_connect_errors = abc", "port = 12 x", "innodb_buffer_pool_size = 1.5G", "loose-max_connections = abc",
            "innodb_log_buffer_size = 16 M", "net_buffer_length = 1.5K", "key_buffer_size = 0x10",
            "query_cache_size = -1", "Foo_Bar = 1", "wait_timeout = 10 min", "back_log = 1e3",
            "maximum-thread_cache_size = 9", "max_user_connections = x", "open_files_limit = 5,000");

    @TempDir
    Path dir;

    private record Case(Path file, String text) {
    }

    private record Outcome(Case c, boolean server, boolean connlint, String detail) {
    }

    @Test
    void cl504ExactlyForTheFilesMariadbdRefuses() throws Exception {
        Mariadbd mariadbd = Mariadbd.require();
        Random random = new Random(504L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path caseDir = Files.createDirectories(dir.resolve("c" + i));
            cases.add(new Case(caseDir.resolve("my.cnf"), generate(random, caseDir)));
        }
        List<Outcome> outcomes = Mariadbd.eachInParallel(cases, c -> compare(mariadbd, c));
        long refused = outcomes.stream().filter(Outcome::server).count();
        List<String> disagreements = outcomes.stream().filter(o -> o.server() != o.connlint())
                .map(Outcome::detail).toList();
        System.out.println("CL504 differential: " + cases.size() + " files, " + refused + " refused by mariadbd, "
                + disagreements.size() + " disagreements");
        assertTrue(refused > FILES / 5 && refused < FILES * 4 / 5, "the family should mix refused and accepted "
                + "files: " + refused + " of " + FILES);
        assertEquals(List.of(), disagreements.subList(0, Math.min(20, disagreements.size())),
                () -> disagreements.size() + " disagreements");
    }

    private Outcome compare(Mariadbd mariadbd, Case c) throws Exception {
        Mariadbd.Result server = mariadbd.run(c.file(), 4096);
        Path root = c.file().getParent();
        OptionFiles read = new OptionFileReader(new ProjectPaths(root, Map.of()), MARIADB).read(c.file());
        List<OptionFileIssue> refusals = new ArrayList<>(Refusals.refusals(read.entries(), MARIADB));
        read.issues().stream().filter(i -> i.kind() == OptionFileIssue.Kind.REFUSED).forEach(refusals::add);
        boolean connlint = !refusals.isEmpty() || !read.problems().isEmpty();
        String detail = c.file() + ": mariadbd " + (server.refused() ? "refuses" : "accepts") + " (exit "
                + server.exitCode() + "), connlint " + (connlint ? "refuses " + refusals + read.problems() : "accepts")
                + "\n" + c.text() + "\nmariadbd stderr: " + server.stderr().lines()
                .filter(l -> l.contains("ERROR") || l.contains("error")).toList();
        return new Outcome(c, server.refused(), connlint, detail);
    }

    private static String generate(Random r, Path caseDir) throws Exception {
        List<String> lines = new ArrayList<>();
        int good = 1 + r.nextInt(4);
        for (int i = 0; i < good; i++) {
            lines.add(pick(r, ACCEPTED));
        }
        if (r.nextInt(2) == 0) {
            String bad = pick(r, REFUSED);
            lines.add(r.nextInt(lines.size() + 1), bad);
            if (r.nextInt(3) == 0 && bad.contains("=")) {
                lines.add(bad.substring(0, bad.indexOf('=')) + "= 100"); // a later good value does not rescue it
            }
        }
        StringBuilder top = new StringBuilder();
        int structure = r.nextInt(14);
        if (structure == 0) {
            top.append("max_connections = 10\n"); // before any group
        }
        top.append("[mysqld]\n");
        for (String line : lines) {
            top.append(line).append('\n');
            if (r.nextInt(8) == 0) {
                top.append('[').append(pick(r, List.of("server", "mariadb", "mysqld-10.11", "client-server")))
                        .append("]\n");
            }
        }
        switch (structure) {
            case 1 -> top.append("[mysqld\nwait_timeout = 5\n");
            case 2 -> top.append("!includedir missing.d\n");
            case 3 -> top.append("!include missing.cnf\n");
            case 4 -> {
                Files.writeString(caseDir.resolve("frag.cnf"), "max_connections = 1.5G\n[mysqld]\nx = 1\n");
                top.append("!include frag.cnf\n");
            }
            case 5 -> {
                Files.createDirectories(caseDir.resolve("conf.d"));
                Files.writeString(caseDir.resolve("conf.d/tuning.conf"), "[mysqld]\nmax_connections = abc\n");
                Files.writeString(caseDir.resolve("conf.d/ok.cnf"), "[mysqld]\nwait_timeout = 300\n");
                top.append("!includedir conf.d\n");
            }
            case 6 -> {
                Path open = caseDir.resolve("open.cnf");
                Files.writeString(open, "[mysqld]\nno_such_variable = 1\n");
                Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
                top.append("!include open.cnf\n");
            }
            case 7 -> top.append("[client]\nmax_connections = 1.5G\nno-such-client-option\n");
            case 8 -> {
                Files.writeString(caseDir.resolve("bad.cnf"), "[mysqld]\n" + pick(r, REFUSED) + "\n");
                top.append("!include bad.cnf\n");
            }
            case 9 -> top.append("!include\n");
            default -> {
            }
        }
        Files.writeString(caseDir.resolve("my.cnf"), top.toString(), StandardCharsets.UTF_8);
        return top.toString();
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
