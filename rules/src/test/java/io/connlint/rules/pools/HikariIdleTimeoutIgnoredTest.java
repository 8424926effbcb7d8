package io.connlint.rules.pools;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HikariIdleTimeoutIgnoredTest {

    @ParameterizedTest
    @ValueSource(strings = {"fixed"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(HikariIdleTimeoutIgnoredTest.class, project), new HikariIdleTimeoutIgnored());
    }
}
