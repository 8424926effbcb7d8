package io.connlint.rules.timeouts;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoolLifetimeExceedsWaitTimeoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"default-lifetime", "explicit-lifetime", "margin", "rewritten", "infinite",
            "short-wait-timeout", "option-margin", "other-libraries"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(PoolLifetimeExceedsWaitTimeoutTest.class, project),
                new PoolLifetimeExceedsWaitTimeout());
    }

    @Test
    void suggestsWholeMinutesBelowTheLimit() {
        assertEquals(540_000, PoolLifetimeExceedsWaitTimeout.suggestion(595_000, 30_000));
        assertEquals(119_000, PoolLifetimeExceedsWaitTimeout.suggestion(120_000, 30_000));
        assertEquals(54_000, PoolLifetimeExceedsWaitTimeout.suggestion(55_000, 30_000));
        assertEquals(30_000, PoolLifetimeExceedsWaitTimeout.suggestion(30_001, 30_000));
    }
}
