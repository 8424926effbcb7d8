package io.connlint.rules.budget;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxUserConnectionsBelowDemandTest {

    @ParameterizedTest
    @ValueSource(strings = {"shared-account"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(MaxUserConnectionsBelowDemandTest.class, project), new MaxUserConnectionsBelowDemand());
    }
}
