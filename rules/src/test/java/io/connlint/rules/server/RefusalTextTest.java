package io.connlint.rules.server;

import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.server.Refusals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unit cases of the server's refusals (Refusals, once OptionChecks) in CL504's words;
 * MariadbdRefusalTest holds the refusals against the real server.
 */
class RefusalTextTest {

    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();
    private static final ServerEngine MYSQL = ServerEngine.parse("mysql-8.0").orElseThrow();
    private static final ServerEngine MYSQL57 = ServerEngine.parse("mysql-5.7").orElseThrow();

    private static OptionEntry entry(String name, String value) {
        return new OptionEntry("mysqld", name, Optional.ofNullable(value), value == null ? "" : value,
                new SourceLocation("my.cnf", 2, 1));
    }

    private static List<String> refused(ServerEngine engine, OptionEntry... entries) {
        return Refusals.refusals(List.of(entries), engine).stream().map(OptionFileIssueText::message).toList();
    }

    @Test
    void numbersAsMyGetoptReadsThem() {
        assertEquals(List.of(), refused(MARIADB, entry("max_connections", "64MB")));
        assertTrue(refused(MARIADB, entry("max_connections", "1.5G")).get(0)
                .contains("Unknown suffix '.' used for variable 'max_connections' (value '1.5G')"));
        assertTrue(refused(MYSQL, entry("wait_timeout", "")).get(0).contains("Empty value for 'wait_timeout'"));
        assertEquals(List.of(), refused(MARIADB, entry("wait_timeout", "")), "MariaDB reads an empty value as 0");
        assertTrue(refused(MYSQL57, entry("innodb_buffer_pool_size", "1T")).get(0).contains("knows only K, M and G"));
        assertEquals(List.of(), refused(MYSQL, entry("innodb_buffer_pool_size", "1T")));
        assertTrue(refused(MARIADB, entry("thread_cache_size", "-1")).get(0).contains("Incorrect unsigned value"));
        assertEquals(List.of(), refused(MARIADB, entry("max_user_connections", "-1")), "a signed variable");
        assertEquals(List.of(), refused(MYSQL, entry("thread_cache_size", "-1")), "MySQL clamps it");
    }

    @Test
    void namesNeedTheOptionList() {
        assertTrue(refused(MARIADB, entry("time_zone", "UTC")).get(0).contains("unknown variable 'time_zone=UTC'"));
        assertEquals(List.of(), refused(MARIADB, entry("loose-time_zone", "UTC")));
        assertEquals(List.of(), refused(MYSQL, entry("time_zone", "UTC")), "no MySQL option list");
        assertEquals(List.of(), Refusals.refusals(List.of(entry("time_zone", "UTC")), MARIADB, false),
                "a guessed engine is not held to one version's list");
        assertEquals(List.of(), refused(MARIADB, entry("server_audit_logging", "ON")), "a plugin's option");
        assertEquals(List.of(), refused(MARIADB, entry("WAIT", "60")), "a unique prefix in any case");
    }

    @Test
    void missingArgumentAndMaximum() {
        assertTrue(refused(MYSQL, entry("max_connections", null)).get(0).contains("requires an argument"));
        assertTrue(refused(MARIADB, entry("bind-address", null)).get(0).contains("requires an argument"));
        assertEquals(List.of(), refused(MARIADB, entry("skip-name-resolve", null)));
        assertTrue(refused(MYSQL, entry("maximum-max_connections", "10")).get(0)
                .contains("Maximum value of 'max_connections' cannot be set"));
        assertEquals(List.of(), refused(MARIADB, entry("maximum-wait_timeout", "10")));
    }
}
