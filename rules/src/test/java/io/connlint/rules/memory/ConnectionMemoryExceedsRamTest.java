package io.connlint.rules.memory;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionMemoryExceedsRamTest {

    @ParameterizedTest
    @ValueSource(strings = {"memory", "stricter"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(ConnectionMemoryExceedsRamTest.class, project), new ConnectionMemoryExceedsRam());
    }
}
