package io.connlint.core.pool;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TomcatJdbcTest {

    private static final TomcatJdbc TOMCAT = TomcatJdbc.INSTANCE;

    @Test
    void maxAgeIsTheLifetimeInItsOwnName() {
        SourceLocation at = new SourceLocation("application.properties", 3, 1);
        List<PoolValue> values = TOMCAT.values(TOMCAT.complete(Map.of("maxAge",
                Setting.written("maxAge", 900_000L, "900000", at)), Optional.empty()));
        PoolValue.Time lifetime = values.stream().filter(v -> v.concept().equals(Optional.of(PoolConcept.MAX_LIFETIME)))
                .map(PoolValue.Time.class::cast).findFirst().orElseThrow();
        assertEquals("maxAge", lifetime.setting().name(), "messages say the library's word");
        assertEquals(ClientPool.MAX_LIFETIME, lifetime.key(), "show --format json files it as before");
        assertEquals(900_000L, lifetime.millis());
        assertFalse(lifetime.unlimited());
    }

    @Test
    void defaultsAndNoLimit() {
        Map<String, Setting<Long>> run = TOMCAT.complete(Map.of(), Optional.empty());
        assertEquals(100L, run.get("maxActive").effective());
        assertEquals("engine default for tomcat-jdbc", run.get("maxActive").origin().describe());
        assertEquals(10L, run.get("minIdle").effective());
        assertEquals(30_000L, run.get("maxWait").effective());
        assertFalse(run.containsKey("maxAge"), "no lifetime unless written");
        PoolKey maxAge = TOMCAT.key("maxAge").orElseThrow();
        assertTrue(maxAge.limits().noLimit().test(0), "maxAge 0: connections are never retired");
    }
}
