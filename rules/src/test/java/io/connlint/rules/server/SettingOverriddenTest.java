package io.connlint.rules.server;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SettingOverriddenTest {

    @Test
    void findingsMatchTheMarkers() {
        RuleTester.assertFindings(RuleTester.project(SettingOverriddenTest.class, "layers"), new SettingOverridden());
    }
}
