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

class HikariCpTest {

    private static final HikariCp HIKARI = HikariCp.INSTANCE;
    private static final SourceLocation AT = new SourceLocation("hikari.properties", 1, 1);

    @Test
    void keysStandForTheConceptsUnderTheirOwnNames() {
        assertEquals(Optional.of(PoolConcept.MAX_LIFETIME), HIKARI.key("maxLifetime").orElseThrow().concept());
        assertEquals("maxLifetime", HIKARI.key("maxLifetime").orElseThrow().modelKey());
        assertEquals(Optional.empty(), HIKARI.key("leakDetectionThreshold").orElseThrow().concept());
    }

    @Test
    void defaultsFollowTheRelease() {
        PoolKey keepalive = HIKARI.key("keepaliveTime").orElseThrow();
        assertEquals(Optional.of(0L), HIKARI.defaultValue(keepalive, Optional.of("6.2.0")));
        assertEquals(Optional.of(120_000L), HIKARI.defaultValue(keepalive, Optional.of("6.2.1")));
        assertEquals("HikariCP 6.2.0", HIKARI.engine(Optional.of("6.2.0")));
        assertEquals("HikariCP 7.1.0", HIKARI.engine(Optional.empty()), "the latest when no release is known");
    }

    @Test
    void settersRefuse() {
        assertEquals(Optional.of("connectionTimeout cannot be less than 250ms"),
                HIKARI.refuses(HIKARI.key("connectionTimeout").orElseThrow(), 100));
        assertEquals(Optional.empty(), HIKARI.refuses(HIKARI.key("connectionTimeout").orElseThrow(), 0));
        assertEquals(Optional.of("maxPoolSize cannot be less than 1"),
                HIKARI.refuses(HIKARI.key("maximumPoolSize").orElseThrow(), 0));
    }

    @Test
    void completeFillsDefaultsAndRewrites() {
        Map<String, Setting<Long>> run = HIKARI.complete(Map.of(
                "maxLifetime", Setting.written("maxLifetime", 20_000L, "20000", AT),
                "connectionTimeout", Setting.written("connectionTimeout", 0L, "0", AT)), Optional.of("7.1.0"));
        assertEquals(1_800_000L, run.get("maxLifetime").effective(), "below 30 s: the default");
        assertEquals(Setting.Kind.POOL_REWRITE, run.get("maxLifetime").adjustments().get(0).kind());
        assertEquals((long) Integer.MAX_VALUE, run.get("connectionTimeout").effective(), "0 waits forever");
        assertEquals(10L, run.get("minimumIdle").effective(), "minimumIdle defaults to maximumPoolSize");
        assertEquals("engine default for HikariCP 7.1.0", run.get("idleTimeout").origin().describe());
    }

    @Test
    void valuesCarryTheLimits() {
        Map<String, Setting<Long>> run = HIKARI.complete(Map.of(
                "maxLifetime", Setting.written("maxLifetime", 0L, "0", AT)), Optional.empty());
        PoolValue.Time lifetime = (PoolValue.Time) HIKARI.values(run).stream()
                .filter(v -> v.concept().equals(Optional.of(PoolConcept.MAX_LIFETIME))).findFirst().orElseThrow();
        assertTrue(lifetime.unlimited(), "maxLifetime 0: never retired");
        assertEquals(Optional.of(30_000L), lifetime.limits().floor());
    }
}
