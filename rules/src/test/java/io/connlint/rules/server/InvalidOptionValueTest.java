package io.connlint.rules.server;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;

class InvalidOptionValueTest {

    @Test
    void refusedNamesAndValues() {
        RuleTester.assertFindings(RuleTester.project(InvalidOptionValueTest.class, "refused"), new InvalidOptionValue());
    }

    @Test
    void refusedTopLevelStructure() {
        RuleTester.assertFindings(RuleTester.project(InvalidOptionValueTest.class, "structure"), new InvalidOptionValue());
    }
}
