package io.connlint.core.pool;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.PoolValue.Limits;
import io.connlint.core.model.PoolValue.NoLimit;
import io.connlint.core.model.Setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Django's persistent connections (research/client-facts.md §4): no pool, one connection per
 * thread and alias, kept for {@code CONN_MAX_AGE} seconds (0: closed after each request; None,
 * filed as {@link ClientPool#CONN_MAX_AGE_UNLIMITED}: without limit) and, from 4.1, checked before
 * reuse when {@code CONN_HEALTH_CHECKS} is true. A process opens as many as it has threads.
 */
public final class DjangoConnections implements PoolLibrary {

    public static final DjangoConnections INSTANCE = new DjangoConnections();

    /** The threads of one process, each holding its own connection: not a Django setting, the server's. */
    public static final String THREADS = "threads";

    private static final List<PoolKey> KEYS = List.of(
            new PoolKey(THREADS, ClientPool.MAXIMUM_POOL_SIZE, Optional.of(PoolConcept.MAX_CONNECTIONS), true,
                    Optional.empty(), Optional.empty(), Limits.NONE),
            // django/db/backends/base/base.py: close_at = now + max_age, unless max_age is None
            PoolKey.millis(ClientPool.CONN_MAX_AGE, PoolConcept.MAX_LIFETIME, false, 0L, Limits.of(NoLimit.MINUS_ONE))
                    .filedAs(ClientPool.CONN_MAX_AGE).in(TimeUnit.SECONDS));

    private DjangoConnections() {
    }

    @Override
    public String name() {
        return "Django";
    }

    @Override
    public List<PoolKind> kinds() {
        return List.of(PoolKind.DJANGO);
    }

    @Override
    public List<PoolKey> keys() {
        return KEYS;
    }

    /**
     * The values of one alias served by {@code threads} threads per process: what the settings
     * write, Django's defaults (CONN_MAX_AGE 0, CONN_HEALTH_CHECKS False) where they do not.
     */
    public List<PoolValue> values(Optional<Setting<Long>> connMaxAge, Optional<Setting<Boolean>> healthChecks,
                                  Setting<Long> threads) {
        Map<String, Setting<Long>> written = new LinkedHashMap<>();
        written.put(THREADS, threads);
        connMaxAge.ifPresent(s -> written.put(ClientPool.CONN_MAX_AGE, s));
        List<PoolValue> values = new ArrayList<>(values(complete(written, Optional.empty())));
        values.add(new PoolValue.Flag(ClientPool.CONN_HEALTH_CHECKS, Optional.of(PoolConcept.HEALTH_CHECK),
                healthChecks.orElseGet(() -> Setting.engineDefault(ClientPool.CONN_HEALTH_CHECKS, false, name()))));
        return values;
    }
}
