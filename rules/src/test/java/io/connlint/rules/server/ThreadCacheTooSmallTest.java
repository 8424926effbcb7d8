package io.connlint.rules.server;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThreadCacheTooSmallTest {

    @ParameterizedTest
    @ValueSource(strings = {"thread-cache"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(ThreadCacheTooSmallTest.class, project), new ThreadCacheTooSmall());
    }
}
