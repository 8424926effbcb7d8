package io.connlint.core.model;

/**
 * What a pool setting means, whatever the library calls it. Each library's descriptor maps its own
 * keys onto these; the model keeps the library's key with the value, so messages say
 * {@code maxAge} to a tomcat-jdbc user and {@code CONN_MAX_AGE} to a Django one.
 */
public enum PoolConcept {
    /** The most connections one process opens (HikariCP maximumPoolSize, tomcat maxActive, DBCP2 maxTotal, Django threads). */
    MAX_CONNECTIONS,
    /** The idle connections the pool keeps open (minimumIdle, minIdle). */
    MIN_IDLE,
    /** How long a connection is kept before it is retired (maxLifetime, maxAge, maxConnLifetimeMillis, CONN_MAX_AGE). */
    MAX_LIFETIME,
    /** How long an idle connection above the minimum is kept (HikariCP idleTimeout). */
    IDLE_TIMEOUT,
    /** How long a request waits for a free connection (connectionTimeout, maxWait, maxWaitMillis). */
    ACQUISITION_TIMEOUT,
    /** How often idle connections are pinged so the server does not close them (HikariCP keepaliveTime). */
    KEEPALIVE,
    /** Whether a kept connection is checked before it is reused (Django CONN_HEALTH_CHECKS). */
    HEALTH_CHECK
}
