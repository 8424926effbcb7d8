package io.connlint.rules.pools;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HikariValueSilentlyReplacedTest {

    @ParameterizedTest
    @ValueSource(strings = {"rewrites", "below-lifetime"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(HikariValueSilentlyReplacedTest.class, project), new HikariValueSilentlyReplaced());
    }
}
