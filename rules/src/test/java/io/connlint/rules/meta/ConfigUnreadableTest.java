package io.connlint.rules.meta;

import io.connlint.core.testing.RuleTester;
import io.connlint.rules.budget.PoolBudgetExceeded;
import org.junit.jupiter.api.Test;

class ConfigUnreadableTest {

    @Test
    void brokenFilesAreReportedWithTheirPositions() {
        RuleTester.assertFindings(RuleTester.project(ConfigUnreadableTest.class, "broken-files"), new ConfigUnreadable());
    }

    @Test
    void aBrokenFileHidesNoOtherFinding() {
        RuleTester.assertFindings(RuleTester.project(ConfigUnreadableTest.class, "other-files-still-checked"),
                new ConfigUnreadable(), new PoolBudgetExceeded());
    }
}
