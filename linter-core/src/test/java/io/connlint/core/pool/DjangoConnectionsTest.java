package io.connlint.core.pool;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Origin;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DjangoConnectionsTest {

    private static final DjangoConnections DJANGO = DjangoConnections.INSTANCE;
    private static final SourceLocation AT = new SourceLocation("mysite/settings.py", 4, 40);
    private static final Setting<Long> THREADS = Setting.derived("threads", 4L, "gunicorn threads");

    @Test
    void connMaxAgeIsTheLifetimeInSeconds() {
        List<PoolValue> values = DJANGO.values(Optional.of(Setting.written(ClientPool.CONN_MAX_AGE, 600L, "600", AT)),
                Optional.empty(), THREADS);
        PoolValue.Time age = lifetime(values);
        assertEquals(ClientPool.CONN_MAX_AGE, age.key());
        assertEquals(600_000L, age.millis());
        assertFalse(age.unlimited());
    }

    @Test
    void noneIsUnlimitedAndANegativeAgeIsNot() {
        assertTrue(lifetime(DJANGO.values(Optional.of(Setting.written(ClientPool.CONN_MAX_AGE,
                ClientPool.CONN_MAX_AGE_UNLIMITED, "None", AT)), Optional.empty(), THREADS)).unlimited());
        assertFalse(lifetime(DJANGO.values(Optional.of(Setting.written(ClientPool.CONN_MAX_AGE, -5L, "-5", AT)),
                Optional.empty(), THREADS)).unlimited(), "Django closes a connection of negative age at once");
    }

    @Test
    void djangosDefaultsAndTheThreadsAsMaximum() {
        List<PoolValue> values = DJANGO.values(Optional.empty(), Optional.empty(), THREADS);
        PoolValue.Time age = lifetime(values);
        assertEquals(0L, age.setting().effective());
        assertInstanceOf(Origin.EngineDefault.class, age.setting().origin());
        PoolValue.Flag health = values.stream().filter(PoolValue.Flag.class::isInstance).map(PoolValue.Flag.class::cast)
                .findFirst().orElseThrow();
        assertEquals(Optional.of(PoolConcept.HEALTH_CHECK), health.concept());
        assertFalse(health.setting().effective());
        PoolValue max = values.stream().filter(v -> v.concept().equals(Optional.of(PoolConcept.MAX_CONNECTIONS)))
                .findFirst().orElseThrow();
        assertEquals(ClientPool.MAXIMUM_POOL_SIZE, max.key());
        assertEquals(THREADS, max.setting());
    }

    private static PoolValue.Time lifetime(List<PoolValue> values) {
        return values.stream().filter(v -> v.concept().equals(Optional.of(PoolConcept.MAX_LIFETIME)))
                .map(PoolValue.Time.class::cast).findFirst().orElseThrow();
    }
}
