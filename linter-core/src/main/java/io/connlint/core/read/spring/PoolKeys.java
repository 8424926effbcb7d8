package io.connlint.core.read.spring;

import io.connlint.core.model.PoolKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of the pools Spring Boot binds, by their setter names (the keys Spring's relaxed
 * binding matches), and how each maps onto connlint's pool settings (HikariCP names, ms).
 * tomcat-jdbc 10.1 PoolConfiguration and commons-dbcp2 2.13 BasicDataSource setters;
 * research/client-facts.md §2.2.
 */
final class PoolKeys {

    /** A numeric property that becomes a pool setting. */
    record Numeric(String property, String setting, boolean isInt, Optional<Long> defaultValue) {
    }

    static final List<String> HIKARI = List.of("allowPoolSuspension", "autoCommit", "catalog", "connectionInitSql",
            "connectionTestQuery", "connectionTimeout", "credentialsProviderClassName", "dataSourceClassName",
            "dataSourceJNDI", "dataSourceProperties", "driverClassName", "exceptionOverrideClassName",
            "healthCheckProperties", "idleTimeout", "initializationFailTimeout", "isolateInternalQueries", "jdbcUrl",
            "keepaliveTime", "leakDetectionThreshold", "loginTimeout", "maxLifetime", "maximumPoolSize",
            "minimumIdle", "password", "poolName", "readOnly", "registerMbeans", "schema", "transactionIsolation",
            "username", "validationTimeout", "metricsTrackerFactory", "scheduledExecutor", "healthCheckRegistry",
            "metricRegistry", "threadFactory", "exceptionOverride", "credentials");

    static final List<String> TOMCAT = List.of("abandonWhenPercentageFull", "accessToUnderlyingConnectionAllowed",
            "alternateUsernameAllowed", "commitOnReturn", "connectionProperties", "dataSource", "dataSourceJNDI",
            "dbProperties", "defaultAutoCommit", "defaultCatalog", "defaultReadOnly", "defaultTransactionIsolation",
            "driverClassName", "fairQueue", "ignoreExceptionOnPreLoad", "initSQL", "initialSize",
            "jdbcInterceptors", "jmxEnabled", "logAbandoned", "logValidationErrors", "maxActive", "maxAge", "maxIdle",
            "maxWait", "minEvictableIdleTimeMillis", "minIdle", "name", "numTestsPerEvictionRun", "password",
            "propagateInterruptState", "removeAbandoned", "removeAbandonedTimeout", "rollbackOnReturn",
            "suspectTimeout", "testOnBorrow", "testOnConnect", "testOnReturn", "testWhileIdle",
            "timeBetweenEvictionRunsMillis", "url", "useDisposableConnectionFacade", "useEquals", "useLock",
            "useStatementFacade", "username", "validationInterval", "validationQuery", "validationQueryTimeout",
            "validator", "validatorClassName", "loginTimeout");

    static final List<String> DBCP2 = List.of("abandonedUsageTracking", "accessToUnderlyingConnectionAllowed",
            "autoCommitOnReturn", "cacheState", "clearStatementPoolOnReturn", "connectionFactoryClassName",
            "connectionInitSqls", "connectionProperties", "defaultAutoCommit", "defaultCatalog",
            "defaultQueryTimeout", "defaultReadOnly", "defaultSchema", "defaultTransactionIsolation",
            "disconnectionSqlCodes", "disconnectionIgnoreSqlCodes", "driverClassName", "durationBetweenEvictionRuns",
            "evictionPolicyClassName", "fastFailValidation", "initialSize", "jmxName", "lifo", "logAbandoned",
            "logExpiredConnections", "loginTimeout", "maxConn", "maxConnLifetimeMillis", "maxIdle",
            "maxOpenPreparedStatements", "maxTotal", "maxWait", "maxWaitMillis", "minEvictableIdle",
            "minEvictableIdleTimeMillis", "minIdle", "numTestsPerEvictionRun", "password", "poolPreparedStatements",
            "registerConnectionMBean", "removeAbandonedOnBorrow", "removeAbandonedOnMaintenance",
            "removeAbandonedTimeout", "rollbackOnReturn", "softMinEvictableIdle", "softMinEvictableIdleTimeMillis",
            "testOnBorrow", "testOnCreate", "testOnReturn", "testWhileIdle", "timeBetweenEvictionRunsMillis", "url",
            "username", "validationQuery", "validationQueryTimeout");

    private PoolKeys() {
    }

    /** The properties a pool kind has. */
    static List<String> properties(PoolKind kind) {
        return switch (kind) {
            case TOMCAT_JDBC -> TOMCAT;
            case DBCP2 -> DBCP2;
            default -> HIKARI;
        };
    }

    /** The numeric properties that become pool settings, with the library's defaults. */
    static List<Numeric> numeric(PoolKind kind) {
        return switch (kind) {
            case TOMCAT_JDBC -> List.of(
                    new Numeric("maxActive", "maximumPoolSize", true, Optional.of(100L)),
                    new Numeric("minIdle", "minimumIdle", true, Optional.of(10L)),
                    new Numeric("maxWait", "connectionTimeout", true, Optional.of(30_000L)),
                    new Numeric("maxAge", "maxLifetime", false, Optional.empty()));
            case DBCP2 -> List.of(
                    new Numeric("maxTotal", "maximumPoolSize", true, Optional.of(8L)),
                    new Numeric("minIdle", "minimumIdle", true, Optional.of(0L)),
                    new Numeric("maxWaitMillis", "connectionTimeout", false, Optional.empty()),
                    new Numeric("maxConnLifetimeMillis", "maxLifetime", false, Optional.empty()));
            default -> List.of(
                    new Numeric("maximumPoolSize", "maximumPoolSize", true, Optional.empty()),
                    new Numeric("minimumIdle", "minimumIdle", true, Optional.empty()),
                    new Numeric("connectionTimeout", "connectionTimeout", false, Optional.empty()),
                    new Numeric("validationTimeout", "validationTimeout", false, Optional.empty()),
                    new Numeric("idleTimeout", "idleTimeout", false, Optional.empty()),
                    new Numeric("maxLifetime", "maxLifetime", false, Optional.empty()),
                    new Numeric("keepaliveTime", "keepaliveTime", false, Optional.empty()),
                    new Numeric("leakDetectionThreshold", "leakDetectionThreshold", false, Optional.empty()),
                    new Numeric("initializationFailTimeout", "initializationFailTimeout", false, Optional.empty()));
        };
    }

    /** canonical property name → property, for one kind. */
    static Map<String, String> byCanonical(PoolKind kind) {
        Map<String, String> map = new LinkedHashMap<>();
        properties(kind).forEach(p -> map.put(SpringKeys.canonical(p), p));
        return map;
    }

    /** The kebab-case spelling Spring's documentation uses: {@code maximumPoolSize} → {@code maximum-pool-size}. */
    static String kebab(String property) {
        StringBuilder out = new StringBuilder();
        for (char c : property.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The pool kind {@code spring.datasource.type} selects; empty for a pool connlint does not model. */
    static Optional<PoolKind> kindOfType(String type) {
        String t = type.trim();
        if (t.isEmpty() || t.equals("com.zaxxer.hikari.HikariDataSource")) {
            return Optional.of(PoolKind.SPRING_HIKARI);
        }
        if (t.startsWith("org.apache.tomcat.jdbc.pool.")) {
            return Optional.of(PoolKind.TOMCAT_JDBC);
        }
        if (t.startsWith("org.apache.commons.dbcp2.")) {
            return Optional.of(PoolKind.DBCP2);
        }
        return Optional.empty();
    }
}
