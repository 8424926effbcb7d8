package io.connlint.core.read.mycnf;

import io.connlint.core.model.ServerEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numbers and names as my_getopt reads them (research/mysql-facts.md §1.7). The MariaDB rows
 * were checked with the 10.11 client's my_getopt: {@code mariadb --no-defaults
 * --max-allowed-packet=V --help} prints the value it parsed, or the error.
 */
class OptionValuesTest {

    private static final ServerEngine MYSQL_57 = engine("mysql-5.7");
    private static final ServerEngine MYSQL_80 = engine("mysql-8.0");
    private static final ServerEngine MARIADB = engine("mariadb-10.11");
    private static final long K = 1024;
    private static final long M = K * K;
    private static final long G = M * K;

    @ParameterizedTest(name = "{0} on {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            64MB          | mysql-8.0     | 67108864
            64MB          | mariadb-10.11 | 67108864
            1G            | mysql-5.7     | 1073741824
            1G            | mysql-8.0     | 1073741824
            1g            | mysql-8.0     | 1073741824
            1g            | mariadb-10.11 | 1073741824
            16Mfoo        | mysql-8.0     | 16777216
            16Mfoo        | mariadb-10.11 | 16777216
            2k            | mysql-8.0     | 2048
            151           | mysql-8.0     | 151
            +5            | mariadb-10.11 | 5
            0             | mariadb-10.11 | 0
            1T            | mysql-8.0     | 1099511627776
            1P            | mysql-8.4     | 1125899906842624
            1E            | mariadb-10.11 | 1152921504606846976
            1t            | mariadb-11.4  | 1099511627776
            """)
    void readsNumbersWithSuffixes(String text, String engine, long expected) {
        assertEquals(Optional.of(expected), OptionValues.parseNumber(text, engine(engine)));
    }

    /** "Unknown suffix '%c' used for variable" on every engine: only the first character after the digits counts. */
    @ParameterizedTest
    @ValueSource(strings = {"1.5G", "1 G", "500 ; comment", "abc", "1x", "0x10", " ", "+", "+G"})
    void refusesAnUnknownSuffix(String text) {
        assertEquals(Optional.empty(), OptionValues.parseNumber(text, MYSQL_57), "mysql-5.7");
        assertEquals(Optional.empty(), OptionValues.parseNumber(text, MYSQL_80), "mysql-8.0");
        assertEquals(Optional.empty(), OptionValues.parseNumber(text, MARIADB), "mariadb-10.11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1T", "1P", "1E", "2t"})
    void mysql57KnowsOnlyKMG(String text) {
        assertEquals(Optional.empty(), OptionValues.parseNumber(text, MYSQL_57));
    }

    @Test
    void emptyValueIsRefusedByMySqlButIsZeroOnMariaDb() {
        assertEquals(Optional.empty(), OptionValues.parseNumber("", MYSQL_80), "Empty value for '%s' specified");
        // checked with mariadb 10.11: "unsigned value 0 adjusted to 4096" for max-allowed-packet=
        assertEquals(Optional.of(0L), OptionValues.parseNumber("", MARIADB));
    }

    @Test
    void aSuffixWithoutDigitsIsZeroOnMariaDb() {
        // checked with mariadb 10.11: strtoull converts nothing, and 0 × 1G is 0 ("unsigned value 0")
        assertEquals(Optional.of(0L), OptionValues.parseNumber("G", MARIADB));
        assertEquals(Optional.of(0L), OptionValues.parseNumber("K5", MARIADB));
    }

    @Test
    void overflowIsRefusedByMySqlButWrapsOnMariaDb() {
        assertEquals(Optional.empty(), OptionValues.parseNumber("20E", MYSQL_80));
        assertEquals(Optional.empty(), OptionValues.parseNumber("99999999999999999999", MYSQL_80));
        // checked with mariadb 10.11: 20E is "unsigned value 4611686018427387904", 16E is 0
        assertEquals(Optional.of(1L << 62), OptionValues.parseNumber("20E", MARIADB));
        assertEquals(Optional.of(0L), OptionValues.parseNumber("16E", MARIADB));
        assertEquals(Optional.empty(), OptionValues.parseNumber("99999999999999999999", MARIADB),
                "strtoull ERANGE");
    }

    @Test
    void unsignedValuesBeyondLongAreSaturated() {
        // 15E = 17293822569102704640 on MariaDB; every variable's maximum is far below
        assertEquals(Optional.of(Long.MAX_VALUE), OptionValues.parseNumber("15E", MARIADB));
        assertEquals(Optional.of(Long.MAX_VALUE), OptionValues.parseNumber("18446744073709551615", MYSQL_80));
    }

    @Test
    void negativeNumbersAreKeptByMySqlAndRefusedByMariaDb() {
        assertEquals(Optional.of(-5L), OptionValues.parseNumber("-5", MYSQL_80));
        assertEquals(Optional.of(-2 * K), OptionValues.parseNumber("-2K", MYSQL_57));
        // checked with mariadb 10.11: "Incorrect unsigned value: '-5'"
        assertEquals(Optional.empty(), OptionValues.parseNumber("-5", MARIADB));
        // ... but only a '-' in the first place: strtoull negates " -5" to 2^64 - 5
        assertEquals(Optional.of(Long.MAX_VALUE), OptionValues.parseNumber(" -5", MARIADB));
    }

    @Test
    void suffixesAreBinaryMultiples() {
        assertEquals(Optional.of(3 * K), OptionValues.parseNumber("3K", MYSQL_80));
        assertEquals(Optional.of(5 * M), OptionValues.parseNumber("5m", MARIADB));
        assertEquals(Optional.of(7 * G), OptionValues.parseNumber("7G", MYSQL_57));
    }

    @ParameterizedTest(name = "{0} sets {1}")
    @CsvSource({
            "max_connections, max_connections",
            "max-connections, max_connections",
            "loose-max-connections, max_connections",
            "loose_max_connections, max_connections",
            "loose-innodb_buffer_pool_size, innodb_buffer_pool_size",
            "skip-name-resolve, skip_name_resolve",
            // my_getopt compares names case-sensitively: this is an unknown variable
            "Max_Connections, Max_Connections",
            "LOOSE-max-connections, LOOSE_max_connections",
    })
    void variableName(String option, String variable) {
        assertEquals(Optional.of(variable), OptionValues.variableName(option));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maximum-max-connections", "maximum_wait_timeout", "loose-maximum-sort-buffer-size"})
    void maximumOptionsSetNoVariable(String option) {
        assertEquals(Optional.empty(), OptionValues.variableName(option));
    }

    private static ServerEngine engine(String id) {
        return ServerEngine.parse(id).orElseThrow();
    }
}
