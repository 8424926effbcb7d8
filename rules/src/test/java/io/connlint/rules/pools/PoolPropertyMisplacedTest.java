package io.connlint.rules.pools;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PoolPropertyMisplacedTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(PoolPropertyMisplacedTest.class, "misplaced"),
                new PoolPropertyMisplaced());
    }
}
