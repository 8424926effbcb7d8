package io.connlint.rules.meta;

import io.connlint.core.testing.RuleTester;
import io.connlint.rules.timeouts.PoolLifetimeExceedsWaitTimeout;
import io.connlint.rules.budget.PoolBudgetExceeded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnlintConfigInvalidTest {

    @ParameterizedTest
    @ValueSource(strings = {"unknown-keys", "wrong-types", "missing-files", "bad-yaml"})
    void findingsMatchTheMarkers(String project) {
        // the other rules are registered so that rule codes and options can be validated against them
        RuleTester.assertFindings(RuleTester.project(ConnlintConfigInvalidTest.class, project),
                new ConnlintConfigInvalid(), new PoolLifetimeExceedsWaitTimeout(), new PoolBudgetExceeded());
    }
}
