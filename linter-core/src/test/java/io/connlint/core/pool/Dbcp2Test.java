package io.connlint.core.pool;

import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Dbcp2Test {

    private static final Dbcp2 DBCP2 = Dbcp2.INSTANCE;

    @Test
    void aNegativeLifetimeIsInfinite() {
        SourceLocation at = new SourceLocation("application.yml", 7, 33);
        PoolValue.Time lifetime = DBCP2.values(DBCP2.complete(Map.of("maxConnLifetimeMillis",
                        Setting.written("maxConnLifetimeMillis", -1L, "-1", at)), Optional.empty())).stream()
                .filter(v -> v.concept().equals(Optional.of(PoolConcept.MAX_LIFETIME)))
                .map(PoolValue.Time.class::cast).findFirst().orElseThrow();
        assertTrue(lifetime.unlimited());
        assertEquals("maxConnLifetimeMillis", lifetime.setting().name());
    }

    @Test
    void defaults() {
        Map<String, Setting<Long>> run = DBCP2.complete(Map.of(), Optional.empty());
        assertEquals(8L, run.get("maxTotal").effective());
        assertEquals(0L, run.get("minIdle").effective());
        assertEquals("engine default for commons-dbcp2", run.get("maxTotal").origin().describe());
        assertTrue(DBCP2.key("maxTotal").orElseThrow().limits().noLimit().test(-1), "maxTotal -1: no limit");
    }
}
