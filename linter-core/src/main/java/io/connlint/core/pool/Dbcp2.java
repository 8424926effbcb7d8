package io.connlint.core.pool;

import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue.Limits;
import io.connlint.core.model.PoolValue.NoLimit;

import java.util.List;
import java.util.Optional;

/**
 * Apache Commons DBCP 2 (commons-dbcp2 2.13 BasicDataSource; research/client-facts.md §2.2), as
 * Spring Boot binds it under {@code spring.datasource.dbcp2}.
 */
public final class Dbcp2 implements PoolLibrary {

    public static final Dbcp2 INSTANCE = new Dbcp2();

    private static final List<String> SPRING_PROPERTIES = List.of("abandonedUsageTracking",
            "accessToUnderlyingConnectionAllowed", "autoCommitOnReturn", "cacheState", "clearStatementPoolOnReturn",
            "connectionFactoryClassName", "connectionInitSqls", "connectionProperties", "defaultAutoCommit",
            "defaultCatalog", "defaultQueryTimeout", "defaultReadOnly", "defaultSchema", "defaultTransactionIsolation",
            "disconnectionSqlCodes", "disconnectionIgnoreSqlCodes", "driverClassName", "durationBetweenEvictionRuns",
            "evictionPolicyClassName", "fastFailValidation", "initialSize", "jmxName", "lifo", "logAbandoned",
            "logExpiredConnections", "loginTimeout", "maxConn", "maxConnLifetimeMillis", "maxIdle",
            "maxOpenPreparedStatements", "maxTotal", "maxWait", "maxWaitMillis", "minEvictableIdle",
            "minEvictableIdleTimeMillis", "minIdle", "numTestsPerEvictionRun", "password", "poolPreparedStatements",
            "registerConnectionMBean", "removeAbandonedOnBorrow", "removeAbandonedOnMaintenance",
            "removeAbandonedTimeout", "rollbackOnReturn", "softMinEvictableIdle", "softMinEvictableIdleTimeMillis",
            "testOnBorrow", "testOnCreate", "testOnReturn", "testWhileIdle", "timeBetweenEvictionRunsMillis", "url",
            "username", "validationQuery", "validationQueryTimeout");

    // BasicDataSource defaults; maxTotal and maxWaitMillis below 0: no limit, maxConnLifetimeMillis of 0
    // or less: an infinite lifetime (BasicDataSource javadoc)
    private static final List<PoolKey> KEYS = List.of(
            PoolKey.count("maxTotal", PoolConcept.MAX_CONNECTIONS, 8L, Limits.of(NoLimit.BELOW_ZERO)),
            PoolKey.count("minIdle", PoolConcept.MIN_IDLE, 0L, Limits.NONE),
            PoolKey.millis("maxWaitMillis", PoolConcept.ACQUISITION_TIMEOUT, false, null, Limits.of(NoLimit.BELOW_ZERO)),
            PoolKey.millis("maxConnLifetimeMillis", PoolConcept.MAX_LIFETIME, false, null,
                    Limits.of(NoLimit.ZERO_OR_BELOW)));

    private static final SpringBinding SPRING = new SpringBinding(PoolKind.DBCP2, "spring.datasource.dbcp2",
            "org.apache.commons.dbcp2.", SPRING_PROPERTIES, false);

    private Dbcp2() {
    }

    @Override
    public String name() {
        return "commons-dbcp2";
    }

    @Override
    public List<PoolKind> kinds() {
        return List.of(PoolKind.DBCP2);
    }

    @Override
    public List<PoolKey> keys() {
        return KEYS;
    }

    @Override
    public Optional<SpringBinding> spring() {
        return Optional.of(SPRING);
    }
}
