package io.connlint.rules.pools;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class UnknownPoolPropertyTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(UnknownPoolPropertyTest.class, "typos"), new UnknownPoolProperty());
    }
}
