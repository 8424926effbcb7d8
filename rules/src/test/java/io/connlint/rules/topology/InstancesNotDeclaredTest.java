package io.connlint.rules.topology;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstancesNotDeclaredTest {

    @ParameterizedTest
    @ValueSource(strings = {"declared", "undeclared", "discovered"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(InstancesNotDeclaredTest.class, project), new InstancesNotDeclared());
    }
}
