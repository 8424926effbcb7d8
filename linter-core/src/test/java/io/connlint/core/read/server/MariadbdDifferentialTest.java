package io.connlint.core.read.server;

import io.connlint.core.model.Note;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.server.Refusals;
import io.connlint.core.server.ServerVariablesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * connlint's effective server variables against the real MariaDB 10.11 server: a seeded family
 * of option files, each run through {@code mariadbd --help --verbose} under {@code ulimit -n N}
 * (soft and hard, N in 1024, 4096, 8192, 20000) and through OptionFileReader +
 * ServerVariablesBuilder with the same open-files limit. Every compared variable must agree, and
 * the files mariadbd refuses must be exactly those where connlint reports a refusal (CL504);
 * MariadbdRefusalTest covers refusals in depth.
 *
 * <p>Every file sets {@code thread_pool_size}: its default is the server's CPU count, which
 * enters the open-files request (see Autosize) and which connlint cannot know.
 */
class MariadbdDifferentialTest {

    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();
    private static final long[] LIMITS = {1024, 4096, 8192, 20000};
    private static final int FILES = 240;

    static final List<String> COMPARED = List.of("max_connections", "max_user_connections", "wait_timeout",
            "interactive_timeout", "connect_timeout", "thread_cache_size", "back_log", "table_open_cache",
            "table_open_cache_instances", "open_files_limit", "sort_buffer_size", "join_buffer_size",
            "read_buffer_size", "read_rnd_buffer_size", "binlog_cache_size", "thread_stack", "tmp_table_size",
            "max_heap_table_size", "key_buffer_size", "innodb_buffer_pool_size", "innodb_log_buffer_size",
            "query_cache_size", "max_allowed_packet", "net_buffer_length", "extra_max_connections");

    private static final List<String> GROUPS = List.of("mysqld", "server", "mysqld-10.11", "mariadb", "mariadb-10.11",
            "mariadbd", "mariadbd-10.11", "client-server", "galera");
    private static final List<String> IGNORED_GROUPS = List.of("client", "mysqld_safe", "mysqld-8.0", "mysql");

    @TempDir
    Path dir;

    private record Case(Path file, long limit, long hard, String text) {
    }

    private record Outcome(Case c, int compared, List<String> disagreements, boolean refused, Set<String> covers) {
    }

    @Test
    void connlintAgreesWithMariadbd() throws Exception {
        Mariadbd mariadbd = Mariadbd.require();
        long started = System.nanoTime();
        Random random = new Random(20261123L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String text = generate(random, i);
            Path file = dir.resolve("case" + i + ".cnf");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            cases.add(new Case(file, LIMITS[i % LIMITS.length], LIMITS[i % LIMITS.length], text));
        }
        List<Outcome> outcomes = Mariadbd.eachInParallel(cases, c -> compare(mariadbd, c));
        int compared = outcomes.stream().mapToInt(Outcome::compared).sum();
        long refused = outcomes.stream().filter(Outcome::refused).count();
        List<String> disagreements = outcomes.stream().flatMap(o -> o.disagreements().stream()).toList();
        Map<String, Long> coverage = new TreeMap<>();
        outcomes.forEach(o -> o.covers().forEach(k -> coverage.merge(k + " @" + o.c().limit(), 1L, Long::sum)));
        outcomes.forEach(o -> o.covers().forEach(k -> coverage.merge(k, 1L, Long::sum)));
        System.out.println("coverage: " + coverage);
        for (String k : List.of("cut max_connections", "cut table_open_cache", "lowered table_open_cache_instances",
                "lowered thread_cache_size", "derived thread_cache_size", "derived back_log", "derived open_files_limit",
                "block size", "clamped", "suffix MB", "wrap: max_connections above the limit kept")) {
            assertTrue(coverage.getOrDefault(k, 0L) > 0, () -> "the family does not cover " + k + ": " + coverage);
        }
        for (long limit : LIMITS) {
            assertTrue(coverage.getOrDefault("cut table_open_cache @" + limit, 0L) > 0,
                    () -> "no table_open_cache cut at " + limit + ": " + coverage);
        }
        for (String g : GROUPS) {
            assertTrue(coverage.getOrDefault("group " + g, 0L) > 0, () -> "no case uses [" + g + "]");
        }
        long instanceValues = coverage.keySet().stream().filter(k -> k.startsWith("instances ") && !k.contains("@"))
                .count();
        assertTrue(instanceValues >= 5, () -> "too few table_open_cache_instances values: " + coverage);
        System.out.println("cases per limit: " + java.util.Arrays.stream(LIMITS).mapToObj(l -> l + "="
                + cases.stream().filter(c -> c.limit() == l).count()).toList() + ", table_open_cache_instances values "
                + "written in accepted files: " + instanceValues);
        System.out.println("compared " + compared + " values, " + disagreements.size() + " disagreements ("
                + cases.size() + " files, " + refused + " refused by mariadbd, "
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        assertTrue(refused > 0 && refused < cases.size() / 2, "the family should have some refused files: " + refused);
        assertTrue(compared >= 200 * COMPARED.size() / 2, "too few compared values: " + compared);
        assertEquals(List.of(), disagreements.subList(0, Math.min(40, disagreements.size())),
                () -> disagreements.size() + " disagreements");
    }

    /**
     * systemd's {@code LimitNOFILE=soft:hard}: mariadbd, not root, raises its soft limit up to the
     * hard one when it needs more files (my_set_max_open_files), and keeps the soft limit when the
     * request is above the hard one.
     */
    @Test
    void softAndHardLimitsAsUnderSystemd() throws Exception {
        Mariadbd mariadbd = Mariadbd.require();
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        long[][] pairs = {{1024, 4096}, {1024, 20000}, {4096, 8192}, {2000, 16000}, {1024, 1024}};
        Random random = new Random(20261124L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String text = generate(random, i);
            Path file = dir.resolve("soft-hard" + i + ".cnf");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            long[] pair = pairs[i % pairs.length];
            cases.add(new Case(file, pair[0], pair[1], text));
        }
        List<Outcome> outcomes = Mariadbd.eachInParallel(cases, c -> compare(mariadbd, c));
        int compared = outcomes.stream().mapToInt(Outcome::compared).sum();
        List<String> disagreements = outcomes.stream().flatMap(o -> o.disagreements().stream()).toList();
        long raised = outcomes.stream().filter(o -> o.covers().contains("raised above the soft limit")).count();
        System.out.println("soft:hard limits: compared " + compared + " values, " + disagreements.size()
                + " disagreements (60 files, " + raised + " raised above the soft limit)");
        assertTrue(raised > 0, "no case raises the soft limit");
        assertTrue(compared > 40 * COMPARED.size() / 2, "too few compared values: " + compared);
        assertEquals(List.of(), disagreements.subList(0, Math.min(40, disagreements.size())),
                () -> disagreements.size() + " disagreements");
    }

    private Outcome compare(Mariadbd mariadbd, Case c) throws Exception {
        Mariadbd.Result server = c.hard() == c.limit() ? mariadbd.run(c.file(), c.limit())
                : mariadbd.runUnprivileged(c.file(), c.limit(), c.hard());
        OptionFiles read = new OptionFileReader(new ProjectPaths(dir, Map.of()), MARIADB).read(c.file());
        List<Note> notes = new ArrayList<>(read.notes());
        SortedMap<String, Setting<?>> variables = ServerVariablesBuilder.build(read.entries(), MARIADB, notes,
                Optional.of(Setting.assumed("openFilesLimit", c.limit(), "ulimit -n " + c.limit())), c.hard());
        List<io.connlint.core.model.OptionFileIssue> refusals = new ArrayList<>(Refusals.refusals(read.entries(),
                MARIADB));
        read.issues().stream().filter(i -> i.kind() == io.connlint.core.model.OptionFileIssue.Kind.REFUSED)
                .forEach(refusals::add);
        boolean connlintRefuses = !read.problems().isEmpty() || !refusals.isEmpty();
        String where = c.file().getFileName() + " (ulimit -n " + c.limit() + (c.hard() == c.limit() ? ""
                : ", hard " + c.hard() + ", unprivileged") + "):\n" + c.text();
        List<String> disagreements = new ArrayList<>();
        if (server.refused() != connlintRefuses) {
            disagreements.add("refusal: mariadbd " + (server.refused() ? "refuses" : "accepts") + ", connlint "
                    + (connlintRefuses ? "refuses " + read.problems() + refusals : "accepts") + " for " + where
                    + "\nmariadbd stderr: " + server.stderr());
            return new Outcome(c, 0, disagreements, server.refused(), Set.of());
        }
        if (server.refused()) {
            return new Outcome(c, 0, List.of(), true, Set.of());
        }
        int compared = 0;
        Set<String> covers = new TreeSet<>();
        for (String name : COMPARED) {
            Setting<?> s = variables.get(name);
            String why = s == null ? "" : s.reason().orElse("");
            if (why.contains("Changed limits")) {
                covers.add("cut " + name);
            }
            if (why.contains("block size")) {
                covers.add("block size");
            }
            if (why.contains("adjusted to")) {
                covers.add("clamped");
            }
            if (why.contains("lowered")) {
                covers.add("lowered " + name);
            }
            if (s != null && s.origin() instanceof io.connlint.core.model.Origin.Derived) {
                covers.add("derived " + name);
            }
        }
        if (c.text().contains("MB")) {
            covers.add("suffix MB");
        }
        for (String g : GROUPS) {
            if (c.text().contains("[" + g + "]")) {
                covers.add("group " + g);
            }
        }
        Setting<?> instances = variables.get("table_open_cache_instances");
        if (instances != null && instances.isWritten()) {
            covers.add("instances " + instances.value());
        }
        long mc = server.number("max_connections");
        if (server.number("open_files_limit") > c.limit()) {
            covers.add("raised above the soft limit");
        }
        if (mc > c.limit() - 30 && !variables.get("max_connections").isRewritten()) {
            covers.add("wrap: max_connections above the limit kept");
        }
        for (String name : COMPARED) {
            String expected = server.variables().get(name);
            Setting<?> setting = variables.get(name);
            String actual = setting == null ? "(none)" : String.valueOf(setting.effective());
            compared++;
            if (!actual.equals(expected)) {
                disagreements.add(name + ": mariadbd " + expected + ", connlint " + actual
                        + (setting == null ? "" : " [" + setting.origin().describe() + "; " + setting.reason().orElse("")
                        + "]") + " in " + where);
            }
        }
        return new Outcome(c, compared, disagreements, false, covers);
    }

    // ---- the generated family ----

    private static String generate(Random r, int i) {
        StringBuilder out = new StringBuilder();
        out.append("# generated case ").append(i).append('\n');
        List<String> lines = new ArrayList<>();
        lines.add("thread_pool_size = " + (1 + r.nextInt(16)));
        // the connection and open-files knobs
        if (r.nextInt(10) < 8) {
            lines.add(option(r, "max_connections") + " = " + pick(r, count(r, 5, 30_000), "0", "1", "10", "100000",
                    "200000", "64MB", "2K", "1M"));
        }
        if (r.nextInt(2) == 0) {
            lines.add(option(r, "table_open_cache") + " = " + pick(r, count(r, 1, 6000), "0", "10", "400", "4K"));
        }
        if (r.nextInt(2) == 0) {
            lines.add(option(r, "table_open_cache_instances") + " = " + pick(r, count(r, 1, 64), "0", "100"));
        }
        if (r.nextInt(4) == 0) {
            lines.add(option(r, "open_files_limit") + " = " + pick(r, count(r, 100, 40_000), "0", "5000"));
        }
        if (r.nextInt(4) == 0) {
            lines.add(option(r, "extra_max_connections") + " = " + pick(r, count(r, 1, 2000), "0"));
        }
        if (r.nextInt(3) == 0) {
            lines.add(option(r, "thread_cache_size") + " = " + pick(r, count(r, 0, 20_000), "0", "999999"));
        }
        if (r.nextInt(3) == 0) {
            lines.add(option(r, "back_log") + " = " + pick(r, count(r, 0, 70_000), "0", "1"));
        }
        if (r.nextInt(8) == 0) {
            lines.add("thread_handling = pool-of-threads");
        }
        if (r.nextInt(4) == 0) {
            lines.add(option(r, "max_user_connections") + " = " + pick(r, count(r, 0, 5000), "-1", "-5", "0",
                    "3000000000", "1G"));
        }
        for (String t : List.of("wait_timeout", "interactive_timeout", "connect_timeout")) {
            if (r.nextInt(3) == 0) {
                lines.add(option(r, t) + " = " + pick(r, count(r, 0, 100_000), "0", "1", "99999999", "1M", "28800"));
            }
        }
        for (String b : List.of("sort_buffer_size", "join_buffer_size", "read_buffer_size", "read_rnd_buffer_size",
                "binlog_cache_size", "thread_stack", "tmp_table_size", "max_heap_table_size", "key_buffer_size",
                "innodb_buffer_pool_size", "innodb_log_buffer_size", "query_cache_size", "max_allowed_packet",
                "net_buffer_length")) {
            if (r.nextInt(4) == 0) {
                // a huge key_buffer_size makes mariadbd allocate the key cache even under --help (it ran
                // for minutes at 64G): kept small
                lines.add(option(r, b) + " = " + (b.equals("key_buffer_size") ? pick(r, "0", "1", "4097", "64M", "1G", "12345678") : bytes(r)));
            }
        }
        // skip-/disable-/enable- before a numeric variable: 0 or 1 (0 as the value turns them round)
        if (r.nextInt(8) == 0) {
            String v = pick(r, "max_connections", "thread_cache_size", "back_log", "table_open_cache",
                    "wait_timeout", "table_open_cache_instances", "net_buffer_length");
            String o = option(r, v);
            String loose = o.startsWith("loose-") ? "loose-" : "";
            lines.add(loose + pick(r, "skip-", "disable-", "enable-") + o.substring(loose.length())
                    + pick(r, "", " = 0", " = 1", " = 77"));
        }
        // last one wins
        if (!lines.isEmpty() && r.nextInt(4) == 0) {
            String again = lines.get(r.nextInt(lines.size()));
            lines.add(again.replaceFirst("= .*", "= " + count(r, 10, 3000)));
        }
        if (r.nextInt(6) == 0) {
            lines.add("loose-no-such-option = 1");
        }
        // a refusal now and then
        if (r.nextInt(12) == 0) {
            String bad = pick(r, "1x", "1.5K", "500 ; comment", "-5", "abc", "12 M");
            String name = pick(r, "max_connections", "wait_timeout", "sort_buffer_size", "table_open_cache");
            lines.add(r.nextInt(lines.size() + 1), name + " = " + bad);
        }
        Collections.shuffle(lines.subList(1, lines.size()), r);
        // spread over the groups the server reads, with noise in groups it ignores
        int g = 0;
        while (g < lines.size()) {
            int n = 1 + r.nextInt(4);
            out.append('[').append(GROUPS.get(r.nextInt(GROUPS.size()))).append("]\n");
            for (int k = g; k < Math.min(lines.size(), g + n); k++) {
                out.append(lines.get(k)).append('\n');
            }
            g += n;
            if (r.nextInt(4) == 0) {
                out.append('[').append(IGNORED_GROUPS.get(r.nextInt(IGNORED_GROUPS.size()))).append("]\n")
                        .append("max_connections = ").append(pick(r, "7", "1x", "99999")).append('\n');
            }
        }
        return out.toString();
    }

    private static String option(Random r, String name) {
        String n = r.nextBoolean() ? name : name.replace('_', '-');
        switch (r.nextInt(14)) {
            case 0 -> n = n.toUpperCase(java.util.Locale.ROOT);
            case 1 -> n = Character.toUpperCase(n.charAt(0)) + n.substring(1);
            case 2 -> {
                // a unique prefix, which MariaDB takes for the whole name
                ServerOptions options = ServerOptions.of(MARIADB).orElseThrow();
                for (int cut = 1; cut <= 4 && n.length() - cut > 3; cut++) {
                    String prefix = n.substring(0, n.length() - cut);
                    if (options.find(prefix).size() == 1 && !prefix.endsWith("-") && !prefix.endsWith("_")) {
                        n = prefix;
                    }
                }
            }
            default -> {
            }
        }
        return r.nextInt(6) == 0 ? "loose-" + n : n;
    }

    private static String count(Random r, int from, int to) {
        return Integer.toString(from + r.nextInt(to - from + 1));
    }

    private static String bytes(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> (1 + r.nextInt(900)) + pick(r, "K", "k", "M", "m", "G");
            case 1 -> (1 + r.nextInt(128)) + "MB";
            case 2 -> pick(r, "0", "1", "1023", "4095", "16383");
            case 3 -> pick(r, "100000000000", "64G", "1E", "7E", "3T");
            case 4 -> Long.toString(1 + (long) r.nextInt(Integer.MAX_VALUE));
            case 5 -> Long.toString(1_000_000L + r.nextInt(100_000_000));
            default -> Long.toString(1 + r.nextInt(5_000_000));
        };
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }
}
