package io.connlint.rules.budget;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolBudgetHeadroomLowTest {

    @ParameterizedTest
    @ValueSource(strings = {"tight","roomy"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(PoolBudgetHeadroomLowTest.class, project), new PoolBudgetHeadroomLow());
    }
}
