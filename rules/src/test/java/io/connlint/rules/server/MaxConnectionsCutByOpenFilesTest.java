package io.connlint.rules.server;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxConnectionsCutByOpenFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"open-files"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(MaxConnectionsCutByOpenFilesTest.class, project), new MaxConnectionsCutByOpenFiles());
    }
}
