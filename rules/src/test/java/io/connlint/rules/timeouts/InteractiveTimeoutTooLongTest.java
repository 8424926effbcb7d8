package io.connlint.rules.timeouts;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractiveTimeoutTooLongTest {

    @ParameterizedTest
    @ValueSource(strings = {"written"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(InteractiveTimeoutTooLongTest.class, project), new InteractiveTimeoutTooLong());
    }
}
