package io.connlint.rules.pools;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class HikariInvalidValueTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(HikariInvalidValueTest.class, "refused"), new HikariInvalidValue());
    }
}
