package io.connlint.rules.server;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueClampedTest {

    @ParameterizedTest
    @ValueSource(strings = {"clamped"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(ValueClampedTest.class, project), new ValueClamped());
    }
}
