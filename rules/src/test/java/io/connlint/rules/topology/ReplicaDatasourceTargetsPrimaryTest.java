package io.connlint.rules.topology;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ReplicaDatasourceTargetsPrimaryTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(ReplicaDatasourceTargetsPrimaryTest.class, "misrouted"),
                new ReplicaDatasourceTargetsPrimary());
    }
}
