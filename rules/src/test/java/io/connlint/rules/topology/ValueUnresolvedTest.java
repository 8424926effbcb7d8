package io.connlint.rules.topology;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ValueUnresolvedTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(ValueUnresolvedTest.class, "notes"), new ValueUnresolved());
    }
}
