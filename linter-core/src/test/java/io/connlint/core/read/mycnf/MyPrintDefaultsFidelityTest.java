package io.connlint.core.read.mycnf;

import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reader against the real loader: for each case, {@code my_print_defaults
 * --defaults-file=F mysqld server mariadb} (MariaDB 10.11, run in F's directory) and the
 * reader's entries for the same groups, rendered with {@link OptionEntry#asArgument()}, must be
 * the same lines in the same order.
 *
 * <p>When my_print_defaults refuses a file (exit code not 0: mysqld would not start), the
 * reader must say so in that top-level file: an {@link OptionFileIssue.Kind#REFUSED} issue (CL504)
 * at the line the loader names, a missing {@code !includedir} directory included.
 *
 * <p>Divergences left on purpose, so not among the cases: an option line whose name is empty
 * and that starts with white space ({@code "  = x"}) makes mysys read before its buffer and
 * print garbage ({@code "--= x\n=x"}); connlint reads it as {@code --=x}. Paths outside the
 * project are not followed unless {@code pathMap} maps them; the corpus cases map {@code /} to
 * itself so both sides read the same system files.
 */
class MyPrintDefaultsFidelityTest {

    private static final List<String> GROUPS = List.of("mysqld", "server", "mariadb");
    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();
    private static final Pattern LINE_IN_ERROR = Pattern.compile("at line:? (\\d+)");

    @TempDir
    static Path generated;

    private static MyPrintDefaults oracle;

    @BeforeAll
    static void oracle() {
        oracle = MyPrintDefaults.require();
    }

    /** Every option file of the shared corpus; {@code /} is mapped to itself for absolute includes. */
    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Path dir = Corpus.realworld("mycnf");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".cnf")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no *.cnf in " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(),
                () -> agree(f, new ProjectPaths(f.getParent(), Map.of("/", "/")))));
    }

    /** The cases under src/test/resources/mycnf/fidelity/, each a directory with my.cnf. */
    @TestFactory
    Stream<DynamicTest> ownCases() throws IOException, URISyntaxException {
        Path root = Path.of(MyPrintDefaultsFidelityTest.class.getResource("/mycnf/fidelity").toURI());
        List<Path> cases;
        try (Stream<Path> list = Files.list(root)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 15, "expected the fidelity cases in " + root + ", found " + cases);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                () -> agree(c.resolve("my.cnf"), new ProjectPaths(c, Map.of()))));
    }

    /**
     * Cases whose bytes matter (line endings, a missing final line break, a byte-order mark, NUL
     * and latin1 bytes, long lines) or that a checkout cannot carry (permissions, A.cnf beside
     * a.cnf, dangling links), written at test time.
     */
    @TestFactory
    Stream<DynamicTest> byteExactCases() throws IOException {
        Map<String, Map<String, byte[]>> cases = new LinkedHashMap<>();
        cases.put("crlf", files(
                "my.cnf", "[mysqld]\r\na = 1\r\nb = 2 \r\nc=\"q\" # c\r\n!include inc.cnf\r\nbare\r\n",
                "inc.cnf", "[server]\r\ne=5\r\n"));
        cases.put("no-final-line-break", files("my.cnf", "[mysqld]\na=1\nb = 2  "));
        // get_argument cuts one character for the '\n' fgets keeps, also when there is none
        cases.put("include-on-last-line-without-line-break", files(
                "my.cnf", "[mysqld]\na=1\n!include target.cnfx",
                "target.cnf", "[mysqld]\nread=target.cnf\n",
                "target.cnfx", "[mysqld]\nread=target.cnfx\n"));
        cases.put("include-on-last-line-without-line-break-misses", files(
                "my.cnf", "[mysqld]\na=1\n!include target.cnf",
                "target.cnf", "[mysqld]\nread=target.cnf\n"));
        cases.put("includedir-on-last-line-without-line-break", files(
                "my.cnf", "[mysqld]\na=1\n!includedir conf.dx",
                "conf.d/a.cnf", "[mysqld]\nread=conf.d\n"));
        cases.put("bare-include-on-last-line-is-no-directive", files("my.cnf", "[mysqld]\na=1\n!include"));
        cases.put("lone-cr-is-no-line-break", files("my.cnf", "[mysqld]\na=1\rb=2\nc=3\n"));
        cases.put("byte-order-mark", files("my.cnf", "\uFEFF[mysqld]\na=1\n"));
        cases.put("byte-order-mark-in-include", files(
                "my.cnf", "[mysqld]\na=1\n!include bom.cnf\nb=2\n",
                "bom.cnf", "\uFEFF[mysqld]\nc=3\n"));
        cases.put("nul-ends-the-line", bytes(
                "my.cnf", "[mysqld]\nc\0d=3\ne=4\0# x\n!include t.cnf\0x\nf=6\n",
                "t.cn", "[mysqld]\nread=t.cn\n"));
        cases.put("latin1", bytes("my.cnf", "[mysqld]\n# Gr\u00f6\u00dfe\nname=caf\u00e9\nk\u00e9y = v\n"));
        cases.put("utf8", files("my.cnf", "[mysqld]\nname = caf\u00e9 # \u6ce8\u91ca\n[mysqld-\u00fc]\nx=1\n"));
        cases.put("latin1-nbsp-is-space", bytes("my.cnf", "[mysqld]\na=1\u00a0\n\u00a0d=4\ne=\u00a0x\u00a0\n"));
        cases.put("long-lines", files("my.cnf", "[mysqld]\nlong=" + "x".repeat(4100) + "\nafter=1\n"
                + "y".repeat(4090) + "=abcdefghij\n" + "z".repeat(4094) + "\nw=" + "v".repeat(4091) + "\nend=1\n"));
        cases.put("include-of-a-directory", files(
                "my.cnf", "[mysqld]\n!include conf.d\na=1\n",
                "conf.d/x.cnf", "[mysqld]\nx=1\n"));
        cases.put("include-from-home", files("my.cnf", "[mysqld]\n!include ~/connlint-no-such-file.cnf\na=1\n"));
        cases.put("self-include", files("my.cnf", "[mysqld]\nself=1\n!include my.cnf\nafter=1\n"));
        cases.put("mutual-include", files(
                "my.cnf", "[mysqld]\nx=top\n!include other.cnf\nafter=top\n",
                "other.cnf", "[mysqld]\nx=other\n!include my.cnf\nafter=other\n"));
        cases.put("refused-bom-comment", files("my.cnf", "\uFEFF# comment\n[mysqld]\na=1\n"));

        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Map<String, byte[]>> c : cases.entrySet()) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                Path dir = write(c.getKey(), c.getValue());
                agree(dir.resolve("my.cnf"), new ProjectPaths(dir, Map.of()));
            }));
        }
        tests.add(DynamicTest.dynamicTest("world-writable-include", () -> {
            Path dir = write("world-writable-include", files(
                    "my.cnf", "[mysqld]\na=1\n!include ww.cnf\nb=2\n", "ww.cnf", "[mysqld]\nww=1\n"));
            worldWritable(dir.resolve("ww.cnf"));
            agree(dir.resolve("my.cnf"), new ProjectPaths(dir, Map.of()));
        }));
        tests.add(DynamicTest.dynamicTest("world-writable-top-level", () -> {
            Path dir = write("world-writable-top-level", files("my.cnf", "[mysqld]\na=1\n"));
            worldWritable(dir.resolve("my.cnf"));
            agree(dir.resolve("my.cnf"), new ProjectPaths(dir, Map.of()));
        }));
        tests.add(DynamicTest.dynamicTest("includedir-names", () -> {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("my.cnf", utf8("[mysqld]\n!includedir conf.d\nend=1\n"));
            for (String name : List.of("A.cnf", "a.cnf", "x.CNF", ".hidden.cnf", ".cnf", "_.cnf", "~.cnf")) {
                files.put("conf.d/" + name, utf8("[mysqld]\nfile=" + name + "\n"));
            }
            Path dir = write("includedir-names", files);
            try (Stream<Path> list = Files.list(dir.resolve("conf.d"))) {
                Assumptions.assumeTrue(list.count() == files.size() - 1,
                        "skipped: the file system folds case (A.cnf and a.cnf are one file)");
            }
            try {
                Files.createSymbolicLink(dir.resolve("conf.d/dangling.cnf"), dir.resolve("no-such-target"));
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no links here: the case still checks names and order
            }
            agree(dir.resolve("my.cnf"), new ProjectPaths(dir, Map.of()));
        }));
        return tests.stream();
    }

    private static void agree(Path top, ProjectPaths paths) throws IOException, InterruptedException {
        MyPrintDefaults.Result expected = oracle.run(top, GROUPS);
        OptionFiles read = new OptionFileReader(paths, Set.copyOf(GROUPS), MARIADB).read(top);
        String topDisplay = paths.display(top);
        List<OptionFileIssue> topProblems = read.issues().stream()
                .filter(p -> p.at().path().equals(topDisplay) && p.kind() == OptionFileIssue.Kind.REFUSED).toList();
        if (expected.exitCode() == 0) {
            assertEquals(lines(expected.stdout()), lines(rendered(read)),
                    () -> "my_print_defaults and the reader differ on " + top + "\nreader problems: "
                            + read.problems() + read.issues() + "\nreader notes: " + read.notes());
            assertEquals(List.of(), topProblems,
                    "my_print_defaults accepts " + top + ", so the reader must report no refusal in it");
            return;
        }
        List<Integer> evidence = topProblems.stream().map(p -> p.at().line()).toList();
        Optional<Integer> line = lineIn(expected.stderr());
        assertFalse(evidence.isEmpty(), () -> "my_print_defaults refuses " + top + " (" + expected.stderr().strip()
                + ") but the reader reports no refusal in it; problems: " + read.problems() + read.issues()
                + ", notes: " + read.notes());
        line.ifPresent(l -> assertTrue(evidence.contains(l), () -> "my_print_defaults refuses " + top
                + " at line " + l + " but the reader reports lines " + evidence));
    }

    private static String rendered(OptionFiles read) {
        return read.entries().stream().map(e -> e.asArgument() + "\n").collect(Collectors.joining());
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private static Optional<Integer> lineIn(String stderr) {
        Matcher m = LINE_IN_ERROR.matcher(stderr);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** name, text pairs, written as UTF-8. */
    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], utf8(nameAndText[i + 1]));
        }
        return files;
    }

    /** name, text pairs, each character one byte (latin1): for NUL and non-UTF-8 bytes. */
    private static Map<String, byte[]> bytes(String... nameAndText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.ISO_8859_1));
        }
        return files;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Path write(String name, Map<String, byte[]> files) throws IOException {
        Path dir = Files.createDirectories(generated.resolve(name));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, f.getValue());
        }
        return dir;
    }

    private static void worldWritable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("skipped: no POSIX permissions on this file system");
        }
        if (!Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_WRITE)) {
            fail("could not make " + file + " world-writable");
        }
    }
}
