package io.connlint.rules.django;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DjangoPersistentWithoutHealthChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"persistent"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(DjangoPersistentWithoutHealthChecksTest.class, project), new DjangoPersistentWithoutHealthChecks());
    }
}
