package io.connlint.cli;

import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole projects through the CLI, readers and every rule: copies of the corpus whose files are
 * mutated (and shuffled between kinds) are checked in discovery mode and with a connlint.yml
 * naming them. The rules see models no real project makes (zero, negative and huge values,
 * missing targets); none may crash. Fixed random seeds: a failure names the one to replay.
 */
class HostileProjectsTest {

    private static final int PROJECTS = Integer.getInteger("connlint.fuzz.projects", 150);

    @TempDir
    Path tmp;

    @Test
    void mutatedCorpusProjectsNeverCrashTheCli() throws IOException {
        Path corpus = Corpus.realworld(".");
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md")).sorted()
                    .toList();
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) {
            contents.add(Files.readAllBytes(f));
        }
        String[] numbers = {"0", "-1", "1", "99999999999999999999", "9223372036854775807", "-9223372036854775808",
                "1e309", "NaN", "0.5", "4294967296", "18446744073709551615", "2147483648"};
        for (int seed = 0; seed < PROJECTS; seed++) {
            Random r = new Random(seed);
            Path project = Files.createDirectories(tmp.resolve("p" + seed));
            StringBuilder apps = new StringBuilder();
            StringBuilder servers = new StringBuilder();
            for (int i = 0; i < files.size(); i++) {
                if (r.nextInt(3) == 0) {
                    continue;
                }
                Path rel = corpus.relativize(files.get(i));
                byte[] bytes = contents.get(r.nextInt(4) == 0 ? r.nextInt(contents.size()) : i);
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                int edits = r.nextInt(6);
                for (int e = 0; e < edits && !text.isEmpty(); e++) {
                    int at = r.nextInt(text.length());
                    text = switch (r.nextInt(4)) {
                        case 0 -> text.replaceFirst("\\d+", numbers[r.nextInt(numbers.length)]);
                        case 1 -> text.substring(0, at) + numbers[r.nextInt(numbers.length)] + text.substring(at);
                        case 2 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + r.nextInt(40)));
                        default -> text.substring(0, at) + (char) r.nextInt(256) + text.substring(at);
                    };
                }
                Path target = project.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.write(target, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String p = rel.toString().replace('\\', '/');
                if (p.endsWith(".cnf") && !p.contains("auto")) {
                    servers.append("      - ").append(p).append('\n');
                } else if (p.endsWith(".properties") || p.endsWith(".yml") || p.endsWith(".py")) {
                    apps.append("  a").append(i).append(":\n    config: [").append(p).append("]\n    instances: ")
                            .append(numbers[r.nextInt(numbers.length)].replace("-", "")).append('\n');
                } else if (p.endsWith(".yaml")) {
                    apps.append("  k").append(i).append(":\n    config: [x.properties]\n    deployment: ")
                            .append(p).append('\n');
                }
            }
            check(project, seed, "discovery");
            Files.writeString(project.resolve("connlint.yml"), "servers:\n  main:\n    engine: "
                    + (r.nextBoolean() ? "mariadb-10.11" : "mysql-8.0") + "\n    ramMb: "
                    + numbers[r.nextInt(numbers.length)].replace("-", "") + "\n    optionFiles:\n" + servers
                    + (apps.length() > 0 ? "apps:\n" + apps : ""));
            check(project, seed, "connlint.yml");
            try (Stream<Path> s = Files.walk(project)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        System.out.println("hostile projects: " + PROJECTS + " mutated corpus projects, each checked in discovery "
                + "mode and with a connlint.yml, in console, SARIF and show formats");
    }

    private static void check(Path project, int seed, String mode) {
        for (String[] args : List.of(new String[] {"check", project.toString(), "--fail-on", "warning"},
                new String[] {"check", project.toString(), "--format", "sarif"},
                new String[] {"show", project.toString(), "--format", "json"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit;
            try {
                exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
            } catch (RuntimeException | StackOverflowError e) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                throw new AssertionError("seed " + seed + " (" + mode + ", " + args[0] + ") crashed:\n" + trace, e);
            }
            String all = out + "\n" + err;
            assertTrue(exit == 0 || exit == 1, "seed " + seed + " (" + mode + ") exit " + exit + ":\n" + all);
            assertFalse(RobustnessTest.STACK_TRACE.matcher(all).find(), "seed " + seed + " (" + mode + "):\n" + all);
        }
    }
}
