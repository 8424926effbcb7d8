package io.connlint.rules.server;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SettingInIgnoredGroupTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(SettingInIgnoredGroupTest.class, "groups"), new SettingInIgnoredGroup());
    }
}
