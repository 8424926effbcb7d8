package io.connlint.core.read.spring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileExpressionTest {

    @ParameterizedTest(name = "{0} with [{1}] is {2}")
    @CsvSource(delimiter = ';', value = {
            "prod; prod; true",
            "prod; dev; false",
            "prod | staging; staging; true",
            "prod | staging; dev; false",
            "!dev; prod; true",
            "!dev; dev; false",
            "prod & eu; prod eu; true",
            "prod & eu; prod; false",
            "(prod | staging) & !eu; staging; true",
            "(prod | staging) & !eu; staging eu; false",
            "dev, prod; prod; true",
            "!!prod; prod; true",
    })
    void matchesAsSpringProfilesOf(String expression, String active, boolean expected) {
        assertEquals(expected, ProfileExpression.matches(expression, Set.of(active.split(" "))));
    }
}
