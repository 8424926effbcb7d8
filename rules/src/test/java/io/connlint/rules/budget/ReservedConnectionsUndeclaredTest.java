package io.connlint.rules.budget;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedConnectionsUndeclaredTest {

    @ParameterizedTest
    @ValueSource(strings = {"undeclared"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(ReservedConnectionsUndeclaredTest.class, project), new ReservedConnectionsUndeclared());
    }
}
