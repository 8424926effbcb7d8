package io.connlint.core.read;

import io.connlint.core.model.HostPort;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcUrlTest {

    private static Optional<Target> parse(String url) {
        return JdbcUrl.parse(Setting.written("jdbcUrl", url, url, new SourceLocation("a.properties", 1, 1)),
                Optional.empty());
    }

    private static List<String> hosts(String url) {
        return parse(url).orElseThrow().hosts().stream().map(HostPort::toString).toList();
    }

    @Test
    void readsHostPortDatabaseAndUser() {
        Target t = parse("jdbc:mysql://db.internal:3307/orders?useSSL=true&user=app").orElseThrow();
        assertEquals(List.of("db.internal:3307"), t.hosts().stream().map(HostPort::toString).toList());
        assertEquals(Optional.of("orders"), t.database());
        assertEquals("app", t.user().orElseThrow().value());
    }

    @Test
    void aPortOutsideTcpsRangeIsUnknownNotAnError() {
        // found by the fuzz suite: a 64-bit port in the address=(...) and (host=...) forms threw
        assertEquals(List.of("a"), hosts("jdbc:mysql://address=(host=a)(port=9223372036854775807)/db"));
        assertEquals(List.of("b"), hosts("jdbc:mysql://(host=b,port=99999999999)/db"));
        assertEquals(List.of("c"), hosts("jdbc:mysql://(host=c,port=65536)/db"));
        assertEquals(List.of("d:65535"), hosts("jdbc:mysql://(host=d,port=65535)/db"));
    }

    @Test
    void readsEveryHostOfMultiHostForms() {
        assertEquals(List.of("a:3306", "b:3307"), hosts("jdbc:mysql://a:3306,b:3307/db"));
        assertEquals(List.of("a", "b"), hosts("jdbc:mysql:loadbalance://a,b/db"));
        assertEquals(List.of("primary", "replica"), hosts("jdbc:mariadb:replication://primary,replica/db"));
        assertEquals(List.of("h1:3306", "h2"), hosts("jdbc:mysql://address=(host=h1)(port=3306),address=(host=h2)/db"));
        assertEquals(List.of("h3:3310"), hosts("jdbc:mysql://(host=h3,port=3310)/db"));
        assertEquals(List.of("localhost"), hosts("jdbc:mysql:///db"));
        assertEquals(List.of("db"), hosts("jdbc:mysql://user:pw@db/x"));
    }

    @Test
    void otherUrlsAndPlaceholdersAreNotMySql() {
        assertTrue(parse("jdbc:postgresql://db/x").isEmpty());
        assertTrue(parse("${DB_URL}").isEmpty());
    }

    @Test
    void matchesDeclaredHostsWithTheDefaultPort() {
        assertTrue(HostPort.parse("db").matches(HostPort.parse("db:3306")));
        assertTrue(HostPort.parse("DB:3306").matches(HostPort.parse("db")));
        assertTrue(!HostPort.parse("db:3307").matches(HostPort.parse("db:3306")));
    }
}
