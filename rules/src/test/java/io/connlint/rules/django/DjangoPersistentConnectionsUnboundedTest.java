package io.connlint.rules.django;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DjangoPersistentConnectionsUnboundedTest {

    @ParameterizedTest
    @ValueSource(strings = {"unbounded"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(DjangoPersistentConnectionsUnboundedTest.class, project), new DjangoPersistentConnectionsUnbounded());
    }
}
