package io.connlint.core.read.python;

import io.connlint.core.read.mycnf.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expectation checker fails on every kind of wrong expectation, so passing cases mean something. */
class ExpectationsTest {

    @TempDir
    Path temp;

    private List<String> failures(String text) throws IOException {
        Path file = temp.resolve("settings.py");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        PythonModule m = PythonReader.read(file, Expectations.env(file), new ProjectPaths(temp, Map.of()));
        return Expectations.failures(m, file, temp);
    }

    @Test
    void aCorrectFilePasses() throws IOException {
        assertEquals(List.of(), failures("""
                # env: AGE=60
                import os
                # expect: DATABASES.default.CONN_MAX_AGE = 60 @ 4:46
                DATABASES = {"default": {"CONN_MAX_AGE": int(os.environ["AGE"])}}
                # expect-assigned: DATABASES 4:1
                # expect: OTHER = unknown(environment variable … has no value or default)
                OTHER = os.getenv("NOPE")
                """));
    }

    @Test
    void everyKindOfWrongExpectationFails() throws IOException {
        List<String> f = failures("""
                # expect: A = 61
                A = 60
                # expect: B = 2 @ 9:9
                B = 2
                # expect-assigned: B 1:1
                # expect: C.missing = 1
                C = {}
                # expect-note: a note that never comes
                D = 1
                # expect-problem: 1 a problem that never comes
                E = 1
                F = (
                """);
        assertEquals(7, f.size(), f::toString);
        assertTrue(f.get(0).contains("A is 60, expected 61"), f.get(0));
        assertTrue(f.get(1).contains("B stands at 4:5, expected 9:9"), f.get(1));
        assertTrue(f.get(2).contains("B was assigned at 4:1, expected 1:1"), f.get(2));
        assertTrue(f.get(3).contains("C.missing is <absent>, expected 1"), f.get(3));
        assertTrue(f.get(4).startsWith("unexpected problem settings.py:12:5: '(' was never closed"), f.get(4));
        assertTrue(f.get(5).startsWith("missing problem settings.py:11:1"), f.get(5));
        assertTrue(f.get(6).startsWith("missing note settings.py:9"), f.get(6));
    }

    @Test
    void checkThrowsWithTheFailures() throws IOException {
        Path file = temp.resolve("wrong.py");
        Files.writeString(file, "# expect: X = 2\nX = 1\n", StandardCharsets.UTF_8);
        AssertionError e = assertThrows(AssertionError.class, () -> Expectations.check(file, temp));
        assertTrue(e.getMessage().contains("X is 1, expected 2"), e.getMessage());
    }
}
