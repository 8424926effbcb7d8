package io.connlint.rules.timeouts;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionTimeoutUnboundedTest {

    @ParameterizedTest
    @ValueSource(strings = {"timeouts"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(ConnectionTimeoutUnboundedTest.class, project), new ConnectionTimeoutUnbounded());
    }
}
