package io.connlint.core.fuzz;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.finding.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.model.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs that defeated regular expressions: a quadratic suppression comment and repeated groups
 * that recursed once per part until the stack overflowed. Each is read whole, quickly.
 */
class PathologicalInputTest {

    @TempDir
    Path project;

    private LintResult lint() {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Linter.withDiscoveredRules()
                .lint(LintRequest.of(project)));
    }

    private void write(String name, String text) throws IOException {
        Path f = project.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void anUnclosedSuppressionCommentOfAMillionSpacesIsLinear() throws IOException {
        write("app/hikari.properties", "# connlint: ignore[" + " ".repeat(1_000_000) + "x\nmaximumPoolSize=5\n");
        Deployment model = lint().model();
        assertTrue(model.pools().stream().anyMatch(p -> Long.valueOf(5).equals(p.settings().get("maximumPoolSize")
                .value())), model.problems().toString());
    }

    @Test
    void aLongDottedPlaceholderNameDoesNotOverflowTheStack() throws IOException {
        write("app/application.properties", "spring.datasource.hikari.maximum-pool-size=${a" + ".a".repeat(200_000)
                + ":7}\n");
        Deployment model = lint().model();
        assertTrue(model.pools().stream().anyMatch(p -> Long.valueOf(7).equals(p.settings().get("maximumPoolSize")
                .value())), model.problems().toString());
    }

    @Test
    void aLongJdbcSubProtocolListDoesNotOverflowTheStack() throws IOException {
        write("app/hikari.properties", "jdbcUrl=jdbc:mysql" + ":a".repeat(100_000) + "://db/x\nmaximumPoolSize=5\n");
        write("app/application.properties", "spring.datasource.url=jdbc:mysql" + ":a".repeat(100_000) + "://db/x\n");
        Deployment model = lint().model();
        assertTrue(model.pools().size() >= 2, model.pools().toString());
    }
}
