package io.connlint.core.engine;

import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.Finding;
import io.connlint.core.report.ConsoleReporter;
import io.connlint.core.report.ModelWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise a build relies on when it repeats an earlier outcome ({@code connlint.cache}): if
 * the snapshot is usable and the check looked nowhere outside it, then no change to a file the
 * check did not look at (in skipped directories, the reports directory, beyond the root, or any
 * file under the root it did not read or probe) can change the check's result. Random projects
 * refer to every such place (includes, connlint.yml entries, links, Python imports); after a
 * check, every file it did not look at is rewritten and the project checked again. Where the
 * watch stayed silent the two results must be the same; where it spoke, rewriting must be able
 * to change the result (the watch is not crying wolf everywhere).
 */
class RepeatSoundnessTest {

    private static final int PROJECTS = Math.max(40, Integer.getInteger("connlint.fuzz.projects", 60));

    @TempDir
    Path tmp;

    @Test
    void whatTheSnapshotLeavesOutNeverChangesAResultTheWatchVouchedFor() throws IOException {
        int vouched = 0;
        int refused = 0;
        int refusedAndChanged = 0;
        for (int seed = 0; seed < PROJECTS; seed++) {
            Random r = new Random(seed);
            Path base = Files.createDirectories(tmp.resolve("p" + seed));
            Path root = Files.createDirectories(base.resolve("project"));
            Path reports = root.resolve("reports");
            Generated project = project(r, root, base);
            List<Path> outside = project.outside();
            // every file an hour old: what a build in a quiet working tree sees
            age(base);

            ProjectSnapshot before = ProjectSnapshot.take(root, List.of(reports), List.of());
            ProjectSnapshot.Coverage coverage = ProjectSnapshot.coverage(root, List.of(reports), List.of());
            String first = check(root, coverage);
            Set<String> looked = coverage.looked();

            // everything the description does not detail: outside the root, and every file under
            // it the check did not look at
            List<Path> unlooked = new ArrayList<>(outside);
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    if (!looked.contains(root.relativize(f).toString().replace('\\', '/')) && !outside.contains(f)) {
                        unlooked.add(f);
                    }
                }
            }
            rewrite(r, unlooked);
            String second = check(root, null);
            if (before.usable() && coverage.uncovered().isEmpty()) {
                vouched++;
                assertArrayEquals(before.bytes(looked), ProjectSnapshot.take(root, List.of(reports), List.of()).bytes(looked),
                        "seed " + seed + ": the description saw a change to a file the check did not look at");
                assertEquals(first, second, "seed " + seed + ": a result the watch vouched for changed");
            } else {
                assertTrue(project.reachesOut(), "seed " + seed + ": refused a project that refers to nothing outside"
                        + " the snapshot: " + before.unusable().orElse("") + " " + coverage.uncovered().orElse(null));
                refused++;
                if (!first.equals(second)) {
                    refusedAndChanged++;
                }
            }
        }
        System.out.println("repeat soundness: " + PROJECTS + " projects, " + vouched + " vouched for and unchanged, "
                + refused + " refused (" + refusedAndChanged + " of them did change)");
        assertTrue(vouched >= PROJECTS / 5, "too few projects the cache could use: " + vouched);
        assertTrue(refused >= PROJECTS / 5, "too few projects that look outside the snapshot: " + refused);
        assertTrue(refusedAndChanged > 0, "no refused project changed: the generator does not reach outside");
    }

    /** A project's files outside the snapshot, and whether any of its files refers outside it. */
    private record Generated(List<Path> outside, boolean reachesOut) {
    }

    /**
     * A server and two apps whose files refer, at random, to places inside and outside what a
     * snapshot describes; the files written outside it, to be rewritten.
     */
    private static Generated project(Random r, Path root, Path base) throws IOException {
        List<Path> outside = new ArrayList<>();
        boolean reachesOut = false;
        StringBuilder cnf = new StringBuilder("[mysqld]\nmax_connections = " + (50 + r.nextInt(100)) + "\n");
        write(root.resolve("db/conf.d/tuning.cnf"), "[mysqld]\nwait_timeout = 600\n");
        cnf.append("!includedir conf.d\n");
        // each include and where its file lies (null: none is written); relative to db/
        String[][] includes = {
                {"!include build/extra.cnf", "project/db/build/extra.cnf"},
                {"!include ../../outside/extra.cnf", "outside/extra.cnf"},
                {"!includedir .hidden.d", "project/db/.hidden.d/x.cnf"},
                {"!include ../reports/extra.cnf", "project/reports/extra.cnf"},
                {"!include target/missing.cnf", null},
        };
        for (String[] include : includes) {
            if (r.nextInt(10) == 0) {
                reachesOut = true;
                cnf.append(include[0]).append('\n');
                if (include[1] != null) {
                    Path file = base.resolve(include[1]);
                    write(file, "[mysqld]\nmax_connections = " + (10 + r.nextInt(500)) + "\n");
                    outside.add(file);
                }
            }
        }
        write(root.resolve("db/my.cnf"), cnf.toString());
        if (r.nextInt(10) == 0) {
            reachesOut = true;
            Path target = r.nextBoolean() ? base.resolve("outside/linked.cnf") : root.resolve("db/target/linked.cnf");
            write(target, "[mysqld]\nmax_connections = " + (10 + r.nextInt(500)) + "\n");
            outside.add(target);
            Files.createSymbolicLink(root.resolve("db/conf.d/linked.cnf"), target);
        }
        write(root.resolve("orders/src/main/resources/hikari.properties"), "maximumPoolSize=" + (1 + r.nextInt(40)) + "\n");
        String billing = "billing/src/main/resources/hikari.properties";
        if (r.nextInt(10) == 0) {
            billing = r.nextBoolean() ? "billing/target/classes/hikari.properties" : "../outside/billing.properties";
        }
        Path billingFile = root.resolve(billing).normalize();
        write(billingFile, "maximumPoolSize=" + (1 + r.nextInt(40)) + "\n");
        boolean named = r.nextInt(3) > 0;
        if (!billingFile.startsWith(root) || billing.contains("target/")) {
            outside.add(billingFile);
            reachesOut |= named; // discovery never looks there
        }
        if (named) {
            write(root.resolve("connlint.yml"), "servers:\n  main:\n    engine: mariadb-10.11\n    ramMb: 4096\n"
                    + "    optionFiles: [db/my.cnf]\n"
                    + "apps:\n  orders:\n    server: main\n    instances: 2\n"
                    + "    config: [orders/src/main/resources/hikari.properties]\n"
                    + "  billing:\n    server: main\n    instances: 2\n    config: [" + billing + "]\n");
        }
        if (r.nextInt(10) == 0) {
            reachesOut = true;
            // Django settings importing a module from a skipped directory or beside the root
            String module = r.nextBoolean() ? "build" : "node_modules";
            write(root.resolve("web/settings.py"), "from " + module + ".dbconf import POOL\n"
                    + "DATABASES = {'default': {'ENGINE': 'django.db.backends.mysql', 'CONN_MAX_AGE': POOL}}\n");
            Path dbconf = root.resolve("web/" + module + "/dbconf.py");
            write(dbconf, "POOL = " + r.nextInt(1000) + "\n");
            write(root.resolve("web/" + module + "/__init__.py"), "");
            outside.add(dbconf);
        }
        return new Generated(outside, reachesOut);
    }

    /** Every file outside the snapshot written again with other numbers (and, at times, another size). */
    private static void rewrite(Random r, List<Path> files) throws IOException {
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replaceAll("\\d+", String.valueOf(1 + r.nextInt(5000))) + (r.nextBoolean() ? "\n# more\n" : "");
            Files.write(f, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    private static String check(Path root, ProjectSnapshot.Coverage coverage) throws IOException {
        LintRequest request = LintRequest.of(root).withModuleRoots(List.of(root.resolve("orders"), root.resolve("billing")));
        LintResult result = Linter.withDiscoveredRules().lint(coverage == null ? request : request.withWatch(coverage));
        StringBuilder out = new StringBuilder();
        ModelWriter.json(result.model(), "test", out);
        for (Finding f : result.findings()) {
            out.append(String.join("\n", ConsoleReporter.lines(f))).append('\n');
        }
        return out.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void age(Path dir) throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setLastModifiedTime(p, old);
                }
            }
        }
    }
}
