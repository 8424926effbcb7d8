package io.connlint.rules.timeouts;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DjangoConnMaxAgeExceedsWaitTimeoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"unlimited","too-long","health-checked","short"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(DjangoConnMaxAgeExceedsWaitTimeoutTest.class, project), new DjangoConnMaxAgeExceedsWaitTimeout());
    }
}
