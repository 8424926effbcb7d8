package io.connlint.core.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "*.cnf, db/my.cnf, true",
            "*.cnf, db/my.cnf.bak, false",
            "fixtures, a/fixtures/my.cnf, true",
            "fixtures, a/fixture/my.cnf, false",
            "db/*.cnf, db/my.cnf, true",
            "db/*.cnf, db/conf.d/my.cnf, false",
            "db/**/*.cnf, db/my.cnf, true",
            "db/**/*.cnf, db/conf.d/deep/my.cnf, true",
            "**/legacy/**, a/b/legacy/x.yml, true",
            "**/legacy/**, legacy/x.yml, true",
            "**/legacy/**, a/legacyx/x.yml, false",
            "/my.cnf, my.cnf, true",
            "/my.cnf, db/my.cnf, false",
            "./db/my.cnf, db/my.cnf, true",
            "deploy/, deploy/k8s/a.yaml, true",
            "application-?.yml, app/application-a.yml, true",
            "application-?.yml, app/application-ab.yml, false",
            "src/**, src, false",
            "**, anything/at/all, true",
    })
    void matchesAsDocumented(String pattern, String path, boolean expected) {
        Glob glob = Glob.parse(pattern).orElseThrow();
        boolean matched = glob.matches(path) || glob.matchesFolderOf(path);
        assertEquals(expected, matched, pattern + " against " + path);
    }

    @Test
    void blankAndOverlongPatternsAreRefused() {
        assertTrue(Glob.parse("  ").isEmpty());
        assertTrue(Glob.parse("a".repeat(Glob.MAX_LENGTH + 1)).isEmpty());
        assertTrue(Glob.parse("a".repeat(Glob.MAX_LENGTH)).isPresent());
    }

    /** The untrusted pattern with many stars costs the product of the lengths, never backtracking's blow-up. */
    @Test
    void aPathologicalPatternIsMatchedInBoundedTime() {
        String pattern = "**a".repeat(300) + "b";
        String path = "a/".repeat(2000) + "c";
        Glob glob = Glob.parse(pattern).orElseThrow();
        long start = System.nanoTime();
        assertFalse(glob.matches(path));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
