package io.connlint.rules.budget;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolUsesAdminAccountTest {

    @ParameterizedTest
    @ValueSource(strings = {"root"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(PoolUsesAdminAccountTest.class, project), new PoolUsesAdminAccount());
    }
}
