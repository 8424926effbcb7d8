package io.connlint.rules.pools;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolPropertyMisplacedTest {

    @ParameterizedTest
    @ValueSource(strings = {"misplaced", "django-top-level"})
    void findingsMatchTheMarkers(String project) {
        RuleTester.assertFindings(RuleTester.project(PoolPropertyMisplacedTest.class, project),
                new PoolPropertyMisplaced());
    }
}
