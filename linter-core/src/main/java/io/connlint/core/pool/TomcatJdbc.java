package io.connlint.core.pool;

import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue.Limits;
import io.connlint.core.model.PoolValue.NoLimit;

import java.util.List;
import java.util.Optional;

/**
 * The Tomcat JDBC pool (tomcat-jdbc 10.1 PoolConfiguration; research/client-facts.md §2.2), as
 * Spring Boot binds it under {@code spring.datasource.tomcat}.
 */
public final class TomcatJdbc implements PoolLibrary {

    public static final TomcatJdbc INSTANCE = new TomcatJdbc();

    private static final List<String> SPRING_PROPERTIES = List.of("abandonWhenPercentageFull",
            "accessToUnderlyingConnectionAllowed", "alternateUsernameAllowed", "commitOnReturn", "connectionProperties",
            "dataSource", "dataSourceJNDI", "dbProperties", "defaultAutoCommit", "defaultCatalog", "defaultReadOnly",
            "defaultTransactionIsolation", "driverClassName", "fairQueue", "ignoreExceptionOnPreLoad", "initSQL",
            "initialSize", "jdbcInterceptors", "jmxEnabled", "logAbandoned", "logValidationErrors", "maxActive",
            "maxAge", "maxIdle", "maxWait", "minEvictableIdleTimeMillis", "minIdle", "name", "numTestsPerEvictionRun",
            "password", "propagateInterruptState", "removeAbandoned", "removeAbandonedTimeout", "rollbackOnReturn",
            "suspectTimeout", "testOnBorrow", "testOnConnect", "testOnReturn", "testWhileIdle",
            "timeBetweenEvictionRunsMillis", "url", "useDisposableConnectionFacade", "useEquals", "useLock",
            "useStatementFacade", "username", "validationInterval", "validationQuery", "validationQueryTimeout",
            "validator", "validatorClassName", "loginTimeout");

    // PoolProperties defaults; maxWait and maxAge of 0 or less: no limit (ConnectionPool.borrowConnection,
    // PooledConnection.isMaxAgeExpired)
    private static final List<PoolKey> KEYS = List.of(
            PoolKey.count("maxActive", PoolConcept.MAX_CONNECTIONS, 100L, Limits.NONE),
            PoolKey.count("minIdle", PoolConcept.MIN_IDLE, 10L, Limits.NONE),
            PoolKey.millis("maxWait", PoolConcept.ACQUISITION_TIMEOUT, true, 30_000L, Limits.of(NoLimit.ZERO_OR_BELOW)),
            PoolKey.millis("maxAge", PoolConcept.MAX_LIFETIME, false, null, Limits.of(NoLimit.ZERO_OR_BELOW)));

    private static final SpringBinding SPRING = new SpringBinding(PoolKind.TOMCAT_JDBC, "spring.datasource.tomcat",
            "org.apache.tomcat.jdbc.pool.", SPRING_PROPERTIES, false);

    private TomcatJdbc() {
    }

    @Override
    public String name() {
        return "tomcat-jdbc";
    }

    @Override
    public List<PoolKind> kinds() {
        return List.of(PoolKind.TOMCAT_JDBC);
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
