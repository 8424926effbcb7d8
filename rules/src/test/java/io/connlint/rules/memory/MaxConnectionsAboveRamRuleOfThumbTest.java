package io.connlint.rules.memory;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxConnectionsAboveRamRuleOfThumbTest {

    @ParameterizedTest
    @ValueSource(strings = {"small-host"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(MaxConnectionsAboveRamRuleOfThumbTest.class, project), new MaxConnectionsAboveRamRuleOfThumb());
    }
}
