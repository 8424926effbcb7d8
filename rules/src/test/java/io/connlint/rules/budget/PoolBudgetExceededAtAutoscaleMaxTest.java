package io.connlint.rules.budget;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PoolBudgetExceededAtAutoscaleMaxTest {

    @Test
    void findingsMatchTheMarkers() {
        // CL101 runs too: these budgets fit in steady state, so only the later rule may fire
        RuleTester.assertFindings(RuleTester.project(PoolBudgetExceededAtAutoscaleMaxTest.class, "hpa"), new PoolBudgetExceededAtAutoscaleMax(), new PoolBudgetExceeded());
    }
}
