package io.connlint.core.read.python;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs that are not (good) Python give problems with positions, never exceptions, in bounded
 * time: binary junk, bad encodings, deep nesting, pathological expressions, import chains past the
 * limits, and random and mutated text.
 */
class MalformedInputTest {

    @TempDir
    Path temp;

    private PythonModule read(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return read(file);
    }

    private PythonModule read(Path file) {
        PythonModule m = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> PythonReader.read(file, Map.of(), new ProjectPaths(temp, Map.of())));
        assertSane(m, file);
        return m;
    }

    /** No internal errors; every problem and note stands inside a file that was read. */
    private void assertSane(PythonModule m, Path file) {
        for (ReadProblem p : m.problems()) {
            assertFalse(p.message().contains("internal error"), p::toString);
            assertInside(p.at(), m);
        }
        m.notes().forEach(n -> assertInside(n.at(), m));
        assertTrue(m.toString().length() < 5_000_000, "toString stays bounded");
    }

    private void assertInside(SourceLocation at, PythonModule m) {
        if (!m.filesRead().contains(at.path())) {
            assertEquals(m.path(), at.path(), at::toString);
            return;
        }
        try {
            String text = Files.readString(temp.resolve(at.path()), StandardCharsets.UTF_8);
            long lines = text.lines().count();
            assertTrue(at.line() <= lines + 1, () -> at + " is past the end (" + lines + " lines)");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String one(PythonModule m) {
        assertEquals(1, m.problems().size(), m.problems()::toString);
        ReadProblem p = m.problems().get(0);
        return p.at().line() + ":" + p.at().column() + " " + p.message();
    }

    @Test
    void binaryJunkIsRefusedWithItsPosition() throws IOException {
        Path file = temp.resolve("settings.py");
        Files.write(file, new byte[]{'X', ' ', '=', ' ', '1', '\n', 'Y', 0, 1, 2, (byte) 0xff});
        PythonModule m = read(file);
        assertEquals("2:2 binary content (a NUL byte at byte offset 7); expected a text configuration file", one(m));
        assertEquals(Map.of(), m.namespace());
        assertEquals(List.of(), m.filesRead());
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Path file = temp.resolve("latin1.py");
        Files.write(file, "NAME = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("1:12 invalid UTF-8 at byte offset 11; expected UTF-8 text", one(read(file)));
    }

    @Test
    void missingFileAndDirectoryAreProblems() throws IOException {
        assertTrue(one(read(temp.resolve("nope.py"))).endsWith("file does not exist"));
        Files.createDirectories(temp.resolve("dir.py"));
        assertTrue(one(read(temp.resolve("dir.py"))).contains("cannot read file"));
    }

    @Test
    void byteOrderMarkCrlfAndLoneCarriageReturns() throws IOException {
        PythonModule m = read("endings.py", "\uFEFFA = 1\r\nif A:\r\n    B = 2\rC = '''x\r\ny'''\n");
        assertEquals(List.of(), m.problems());
        assertEquals("1", Expectations.navigate(m, "A").rendered());
        assertEquals("2", Expectations.navigate(m, "B").rendered());
        assertEquals("'x\\ny'", Expectations.navigate(m, "C").rendered());
    }

    @Test
    void emptyAndCommentOnlyFiles() throws IOException {
        assertEquals(Map.of(), read("empty.py", "").namespace());
        assertEquals(List.of(), read("comments.py", "# only\n\n   # a comment\n\\\n").problems());
    }

    @Test
    void deeplyNestedBracketsStopAtTheLimit() throws IOException {
        PythonModule m = read("nested.py", "X = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\nAFTER = 1\n");
        assertEquals("1:105 too many nested brackets (more than 100)", one(m));
        assertEquals("1", Expectations.navigate(m, "AFTER").rendered());
        PythonModule ok = read("ninety.py", "X = " + "[".repeat(90) + "1" + "]".repeat(90) + "\n");
        assertEquals(List.of(), ok.problems());
    }

    @Test
    void unbalancedBracketsAtTheEnd() throws IOException {
        assertEquals("2:12 '{' was never closed", one(read("open.py", "A = 1\nSETTINGS = {\n    'a': [1, 2],\n")));
        // The first error inside the unclosed region is reported: here the nesting limit.
        assertEquals("1:105 too many nested brackets (more than 100)", one(read("many.py", "X = " + "[".repeat(5000))));
    }

    @Test
    void pathologicalExpressionsAreRefusedQuickly() throws IOException {
        assertTrue(one(read("chain.py", "X = " + "1 + ".repeat(100_000) + "1\n")).contains("expression nested too deeply"));
        assertTrue(one(read("unary.py", "X = " + "-".repeat(10_000) + "1\n")).contains("nested too deeply"));
        assertTrue(one(read("power.py", "X = " + "2 ** ".repeat(10_000) + "1\n")).contains("nested too deeply"));
        assertTrue(one(read("attrs.py", "X = os" + ".path".repeat(10_000) + "\n")).contains("expression nested too deeply"));
        assertTrue(one(read("calls.py", "X = f" + "()".repeat(10_000) + "\n")).contains("nested too deeply"));
        assertTrue(one(read("not.py", "X = " + "not ".repeat(10_000) + "1\n")).contains("nested too deeply"));
        assertTrue(one(read("ifexp.py", "X = " + "1 if 2 else ".repeat(10_000) + "3\n")).contains("nested too deeply"));
    }

    @Test
    void deepIndentationStopsAtTheLimit() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            sb.append(" ".repeat(i)).append("if True:\n");
        }
        sb.append(" ".repeat(150)).append("X = 1\nAFTER = 2\n");
        PythonModule m = read("indent.py", sb.toString());
        assertFalse(m.problems().isEmpty());
        assertTrue(m.problems().stream().anyMatch(p -> p.message().contains("too many levels of indentation")
                || p.message().contains("nested too deeply")), m.problems()::toString);
        assertEquals("2", Expectations.navigate(m, "AFTER").rendered());
    }

    @Test
    void valuesThatGrowWithoutBoundBecomeUnknown() throws IOException {
        PythonModule strings = read("double.py", "S = 'ab'\n" + "S = S + S\n".repeat(40));
        assertTrue(Expectations.navigate(strings, "S").rendered().startsWith("unknown(the value would be longer"));
        PythonModule lists = read("lists.py", "L = [1]\n" + "L = L * 1000\n".repeat(5));
        assertTrue(Expectations.navigate(lists, "L").rendered().startsWith("unknown("));
        PythonModule repeat = read("repeat.py", "S = 'x' * 10 ** 12\nL = [0] * 10 ** 12\n");
        assertTrue(Expectations.navigate(repeat, "S").rendered().startsWith("unknown("));
        PythonModule deep = read("deep.py", "X = []\n" + "X = [X]\n".repeat(20_000) + "D = {}\n" + "D = {'d': D}\n".repeat(20_000));
        assertTrue(deep.namespace().get("X").toString().length() < 10_000);
        PythonModule shared = read("dag.py", "L = [1]\n" + "L = [L, L]\n".repeat(80) + "M = str(L)\nOK = L == L\n");
        assertTrue(shared.namespace().get("L").toString().length() < 10_000);
        PythonModule cycle = read("cycle.py", "D = {}\nD['self'] = D\nL = []\nL.append(L)\nD.update({'again': D})\n");
        assertEquals("{}", Expectations.render(cycle.namespace().get("D")));
        assertEquals(3, cycle.notes().size(), cycle.notes()::toString);
    }

    @Test
    void inputsThatWouldBeQuadraticOrRecursiveStayFast() throws IOException {
        PythonModule digits = read("digits.py", "X = " + "7".repeat(1_000_000) + "\n");
        assertTrue(Expectations.navigate(digits, "X").rendered().startsWith("unknown(integer 777"));
        String longDigits = "1_".repeat(200_000) + "1";
        PythonModule conversions = read("conversions.py", "A = float('" + "1".repeat(300_000) + "x')\n"
                + "B = int('" + longDigits + "')\nC = float('" + longDigits + "')\n"
                + "D = __import__('os').path.dirname('" + "/".repeat(300_000) + "x/')\n"
                + "import dj_database_url\nE = dj_database_url.parse('" + " ".repeat(300_000) + "mysql://h/d" + " ".repeat(300_000) + "')\n");
        assertTrue(Expectations.navigate(conversions, "A").rendered().contains("raises ValueError"));
        assertTrue(Expectations.navigate(conversions, "B").rendered().contains("raises ValueError"), "beyond 64 bits");
        assertEquals("'h'", Expectations.navigate(conversions, "E.HOST").rendered());
        PythonModule growing = read("growing.py", "L = []\n" + "L = L + [1]\n".repeat(100_000));
        assertTrue(growing.problems().stream().anyMatch(p -> p.message().startsWith("evaluation stopped here")),
                growing.problems()::toString);
        PythonModule tokens = read("tokens.py", "x=1;".repeat(300_000) + "\n");
        assertEquals(1, tokens.problems().size(), tokens.problems()::toString);
        assertTrue(tokens.problems().get(0).message().startsWith("more than 1000000 tokens"));
    }

    @Test
    void manyUnknownBranchesStopAtTheBudget() throws IOException {
        StringBuilder sb = new StringBuilder("import os\nBIG = {\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("    'k").append(i).append("': {'v': ").append(i).append("},\n");
        }
        sb.append("}\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("if os.getenv('X").append(i).append("'):\n    BIG['k").append(i).append("']['v'] = -1\n");
        }
        sb.append("LAST = 1\n");
        PythonModule m = read("budget.py", sb.toString());
        assertEquals(1, m.problems().size(), m.problems()::toString);
        assertTrue(m.problems().get(0).message().startsWith("evaluation stopped here"), m.problems()::toString);
    }

    @Test
    void importChainsStopAtTheDepthLimit() throws IOException {
        for (int i = 0; i < 14; i++) {
            Files.writeString(temp.resolve("m" + i + ".py"), "from .m" + (i + 1) + " import *\nLEVEL_" + i + " = " + i + "\n",
                    StandardCharsets.UTF_8);
        }
        PythonModule m = read(temp.resolve("m0.py"));
        assertEquals(1, m.problems().size(), m.problems()::toString);
        ReadProblem p = m.problems().get(0);
        // The top module and ten levels of imports below it are read.
        assertTrue(p.message().startsWith("imports nested more than 10 modules deep; m11.py is not read"), p::toString);
        assertEquals("m10.py", p.at().path());
        assertEquals("10", Expectations.navigate(m, "LEVEL_10").rendered());
        assertEquals("<absent>", Expectations.navigate(m, "LEVEL_11").rendered());
        assertEquals(11, m.filesRead().size());
    }

    @Test
    void importedFilesStopAtTheFileLimit() throws IOException {
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < 205; i++) {
            Files.writeString(temp.resolve("f" + i + ".py"), "V" + i + " = " + i + "\n", StandardCharsets.UTF_8);
            top.append("from .f").append(i).append(" import *\n");
        }
        PythonModule m = read("top.py", top.toString());
        assertEquals(PythonReader.MAX_FILES, m.filesRead().size());
        assertEquals(6, m.problems().size(), m.problems()::toString);
        assertTrue(m.problems().get(0).message().startsWith("more than 200 files imported"), m.problems()::toString);
        assertEquals("198", Expectations.navigate(m, "V198").rendered());
    }

    /** Random Python-like text from a fixed seed: every read ends, sanely, without an exception. */
    @Test
    void randomTextNeverThrows() throws IOException {
        String[] pieces = {"if", "elif", "else", ":", "\n", "\n    ", "\n        ", "\t", "(", ")", "[", "]", "{", "}",
                "{%", "%}", "{{", "}}", "'", "\"", "'''", "\"\"\"", "f'", "rb'", "\\", "\\\n", "#", "=", "==", "+", "-",
                "*", "**", "//", "%", ",", ".", "...", ";", "@", ":=", "lambda", "for", "in", "while", "try", "except",
                "finally", "with", "as", "def", "class", "return", "yield", "import", "from", "*", "os", "environ",
                "DATABASES", "'default'", "CONN_MAX_AGE", "60", "0x1F", "1_000", "1e5", "3j", "0777", "None", "True",
                "not", "and", "or", "is", "del", "global", "raise", "pass", "x", "é", "😀", "\u0000", "\r", "\r\n",
                " ", " ", " ", "dj_database_url.config(", "env.db(", "os.getenv(", ".update(", "<<<<<<<", "$", "?"};
        Random random = new Random(20261123L);
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(200);
            for (int j = 0; j < n; j++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(4) == 0) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            Path file = temp.resolve("random" + i + ".py");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            PythonModule m = PythonReader.read(file, Map.of("X", "1"), new ProjectPaths(temp, Map.of()));
            for (ReadProblem p : m.problems()) {
                assertFalse(p.message().contains("internal error"), () -> p + " for input:\n" + text);
            }
            assertTrue(m.toString().length() < 5_000_000);
        }
    }

    /** The test inputs with bytes deleted, duplicated and truncated: never an exception. */
    @Test
    void mutatedInputsNeverThrow() throws IOException, URISyntaxException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(PythonReaderCasesTest.cases())) {
            walk.filter(p -> p.toString().endsWith(".py")).sorted().forEach(inputs::add);
        }
        Random random = new Random(42L);
        int count = 0;
        for (Path input : inputs) {
            String original = Files.readString(input, StandardCharsets.UTF_8);
            for (int k = 0; k < 8 && !original.isEmpty(); k++) {
                StringBuilder sb = new StringBuilder(original);
                for (int edits = 1 + random.nextInt(5); edits > 0 && sb.length() > 0; edits--) {
                    int at = random.nextInt(sb.length());
                    switch (random.nextInt(4)) {
                        case 0 -> sb.deleteCharAt(at);
                        case 1 -> sb.insert(at, sb.charAt(random.nextInt(sb.length())));
                        case 2 -> sb.setLength(at);
                        default -> sb.insert(at, "\n" + " ".repeat(random.nextInt(9)));
                    }
                }
                Path file = temp.resolve("mutated" + count++ + ".py");
                Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
                PythonModule m = PythonReader.read(file, Map.of(), new ProjectPaths(temp, Map.of()));
                String text = sb.toString();
                for (ReadProblem p : m.problems()) {
                    assertFalse(p.message().contains("internal error"), () -> p + " for input:\n" + text);
                }
            }
        }
        assertTrue(count > 100, "mutated " + count + " inputs");
    }
}
