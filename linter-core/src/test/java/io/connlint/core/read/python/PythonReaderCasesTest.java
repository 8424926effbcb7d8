package io.connlint.core.read.python;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input under {@code src/test/resources/python/cases/<case>/} that carries expectations
 * ({@link Expectations}) is read with the case directory as the project root and checked.
 */
class PythonReaderCasesTest {

    static Path cases() throws URISyntaxException {
        return Path.of(PythonReaderCasesTest.class.getResource("/python/cases").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException, URISyntaxException {
        Path base = cases();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                        if (Expectations.isEntry(file)) {
                            tests.add(DynamicTest.dynamicTest(base.relativize(file).toString(),
                                    () -> Expectations.check(file, dir)));
                        }
                    }
                }
            }
        }
        assertTrue(tests.size() >= 1, "no cases found under " + base);
        return tests.stream();
    }
}
