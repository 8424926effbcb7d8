package io.connlint.rules.pools;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HikariInvalidValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"refused", "old-release", "spring", "spring-binding"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(HikariInvalidValueTest.class, project), new HikariInvalidValue());
    }
}
