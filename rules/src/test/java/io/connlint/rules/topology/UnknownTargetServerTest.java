package io.connlint.rules.topology;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class UnknownTargetServerTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(UnknownTargetServerTest.class, "unmatched"), new UnknownTargetServer());
    }

    @Test
    void manyServersAreCountedNotAllNamed() {
        RuleTester.assertFindings(RuleTester.project(UnknownTargetServerTest.class, "many"), new UnknownTargetServer());
    }
}
