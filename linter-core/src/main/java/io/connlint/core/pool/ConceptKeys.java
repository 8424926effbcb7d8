package io.connlint.core.pool;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.PoolConcept;

/**
 * The model key each concept is filed under: HikariCP's names, which {@code show --format json}
 * has printed for every JDBC pool since its first release ({@code pools[].settings.<name>}).
 */
final class ConceptKeys {

    private ConceptKeys() {
    }

    static String of(PoolConcept concept) {
        return switch (concept) {
            case MAX_CONNECTIONS -> ClientPool.MAXIMUM_POOL_SIZE;
            case MIN_IDLE -> ClientPool.MINIMUM_IDLE;
            case MAX_LIFETIME -> ClientPool.MAX_LIFETIME;
            case IDLE_TIMEOUT -> ClientPool.IDLE_TIMEOUT;
            case ACQUISITION_TIMEOUT -> ClientPool.CONNECTION_TIMEOUT;
            case KEEPALIVE -> ClientPool.KEEPALIVE_TIME;
            case HEALTH_CHECK -> "healthCheck";
        };
    }
}
