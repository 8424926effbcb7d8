package io.connlint.rules.budget;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolBudgetExceededTest {

    @ParameterizedTest
    @ValueSource(strings = {"exceeded", "fits", "reserved-tips-over", "default-pool-size", "two-servers", "clamped", "spring-pools", "compose-servers"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(PoolBudgetExceededTest.class, project), new PoolBudgetExceeded());
    }
}
