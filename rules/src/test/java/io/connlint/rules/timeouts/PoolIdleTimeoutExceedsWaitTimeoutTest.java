package io.connlint.rules.timeouts;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolIdleTimeoutExceedsWaitTimeoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"idle"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(PoolIdleTimeoutExceedsWaitTimeoutTest.class, project), new PoolIdleTimeoutExceedsWaitTimeout());
    }
}
