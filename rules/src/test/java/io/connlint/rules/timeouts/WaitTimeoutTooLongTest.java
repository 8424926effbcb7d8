package io.connlint.rules.timeouts;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitTimeoutTooLongTest {

    @ParameterizedTest
    @ValueSource(strings = {"default","written","fine","unreadable"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(WaitTimeoutTooLongTest.class, project), new WaitTimeoutTooLong());
    }
}
