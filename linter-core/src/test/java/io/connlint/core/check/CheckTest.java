package io.connlint.core.check;

import io.connlint.core.engine.ConnlintException;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.Linter;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.report.JsonReporter;
import io.connlint.core.report.ReportFormats;
import io.connlint.core.report.ReportOptions;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.rule.RuleRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check both front ends run: lint, baseline, render, threshold. */
class CheckTest {

    @TempDir
    static Path project;

    /** A warning per pool, so that every pool is one finding. */
    @LintRule(code = "CL997", name = "check-test-rule", summary = "A rule for this test", severity = Severity.WARNING)
    static final class EveryPool implements Rule {
        @Override
        public void check(Deployment model, RuleContext context) {
            for (ClientPool pool : model.pools()) {
                context.report("pool " + pool.id()).at(pool.maximumPoolSize(), Optional.empty()).about(pool.id()).emit();
            }
        }
    }

    @BeforeAll
    static void write() throws IOException {
        Files.writeString(project.resolve("connlint.yml"), """
                servers:
                  db:
                    engine: mysql-8.0
                    optionFiles: [my.cnf]
                apps:
                  orders:
                    config: [orders.properties]
                    server: db
                  billing:
                    config: [billing.properties]
                    server: db
                """);
        Files.writeString(project.resolve("my.cnf"), "[mysqld]\nmax_connections = 100\n");
        Files.writeString(project.resolve("orders.properties"), "jdbcUrl=jdbc:mysql://db/o\nmaximumPoolSize=10\n");
        Files.writeString(project.resolve("billing.properties"), "jdbcUrl=jdbc:mysql://db/b\nmaximumPoolSize=5\n");
    }

    private static Check check() {
        return new Check(new Linter(new RuleRegistry(List.of(new EveryPool()))));
    }

    private static CheckRequest request(Optional<Path> baseline, FailOn failOn, String... formats) {
        return new CheckRequest(LintRequest.of(project), baseline,
                java.util.Arrays.stream(formats).map(ReportFormats::get).toList(), ReportOptions.of("test"), failOn);
    }

    @Test
    void theReportsAreRenderedInTheOrderAskedAndTheThresholdDecides() throws IOException {
        CheckOutcome outcome = check().run(request(Optional.empty(), FailOn.WARNING, "json", "console"));
        assertEquals(2, outcome.result().findings().size());
        assertEquals(outcome.all(), outcome.result());
        assertTrue(outcome.failed());
        assertEquals(2, outcome.failing());
        assertEquals(List.of("connlint.json", "connlint.txt"),
                outcome.reports().stream().map(CheckOutcome.Report::fileName).toList());
        StringBuilder json = new StringBuilder();
        new JsonReporter("test").write(outcome.result(), json);
        assertEquals(json.toString(), outcome.reports().get(0).text());
        assertTrue(outcome.reports().get(1).text().endsWith("connlint: 0 errors, 2 warnings, 0 info (1 server, 2 pools)\n"));

        assertFalse(check().run(request(Optional.empty(), FailOn.ERROR)).failed());
        assertFalse(check().run(request(Optional.empty(), FailOn.NEVER)).failed());
        assertEquals(List.of(), check().run(request(Optional.empty(), FailOn.NEVER)).reports());
    }

    @Test
    void aBaselineHidesWhatItAcceptsFromTheReportsAndTheThreshold() throws IOException {
        Path file = project.resolve("out/baseline.json");
        Baseline accepted = check().accept(LintRequest.of(project));
        assertEquals(2, accepted.entries().size());
        new Baseline(accepted.entries().subList(0, 1)).write(file, "test");

        CheckOutcome outcome = check().run(request(Optional.of(file), FailOn.WARNING, "console"));
        assertEquals(2, outcome.all().findings().size());
        assertEquals(1, outcome.result().findings().size());
        assertEquals(1, outcome.baseline().orElseThrow().baselined());
        assertEquals(1, outcome.failing());
        assertTrue(outcome.reports().get(0).text().contains("1 warning,"));
    }

    @Test
    void aMissingBaselineStopsTheCheck() {
        ConnlintException e = assertThrows(ConnlintException.class,
                () -> check().run(request(Optional.of(project.resolve("missing.json")), FailOn.ERROR, "console")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
