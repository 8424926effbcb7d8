package io.connlint.rules.meta;

import io.connlint.core.testing.RuleTester;
import io.connlint.rules.budget.PoolBudgetExceeded;
import io.connlint.rules.timeouts.InteractiveTimeoutTooLong;
import io.connlint.rules.timeouts.WaitTimeoutTooLong;
import org.junit.jupiter.api.Test;

class SuppressionInvalidTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path root;

    /** A suppression without a reason directly above the setting does not silence its finding. */
    @Test
    void aSuppressionWithoutReasonSilencesNothing() throws java.io.IOException {
        java.nio.file.Files.createDirectories(root.resolve("db"));
        java.nio.file.Files.writeString(root.resolve("db/my.cnf"), "[mysqld]\n# connlint: ignore[CL301]\nwait_timeout = 28800\n");
        java.nio.file.Files.writeString(root.resolve("connlint.yml"),
                "servers:\n  main:\n    engine: mysql-8.0\n    optionFiles: [db/my.cnf]\n");
        var result = new io.connlint.core.engine.Linter(new io.connlint.core.rule.RuleRegistry(java.util.List.of(
                new SuppressionInvalid(), new WaitTimeoutTooLong()))).lint(io.connlint.core.engine.LintRequest.of(root));
        var found = result.findings().stream().map(f -> f.primary().orElseThrow() + " " + f.rule().code()).toList();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("db/my.cnf:2:1 CL902", "db/my.cnf:3:1 CL301"), found);
    }

    @Test
    void reasonedSuppressionsSilenceAndTheRestAreReported() {
        RuleTester.assertFindings(RuleTester.project(SuppressionInvalidTest.class, "comments"),
                new SuppressionInvalid(), new WaitTimeoutTooLong(), new InteractiveTimeoutTooLong(),
                new PoolBudgetExceeded());
    }
}
