package io.connlint.core.pool;

import io.connlint.core.read.hikari.HikariVersion;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HikariCP's configuration keys (the JavaBean properties of com.zaxxer.hikari.HikariConfig) and
 * defaults (research/client-facts.md §1.2); what differs between releases is in {@link HikariVersion}.
 */
public final class HikariProperties {

    /** The property types HikariConfig's setters take. */
    public enum Type { INT, LONG_MILLIS, BOOLEAN, STRING }

    public record Property(String name, Type type, Optional<Long> defaultValue) {
        /** The default in {@code version} (only keepaliveTime's changed, in 6.2.1). */
        public Optional<Long> defaultIn(HikariVersion version) {
            return name.equals("keepaliveTime") ? Optional.of(version.keepaliveDefault()) : defaultValue;
        }
    }

    private static final Map<String, Property> PROPERTIES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        add("maximumPoolSize", Type.INT, 10L);
        add("minimumIdle", Type.INT, null); // defaults to maximumPoolSize
        add("connectionTimeout", Type.LONG_MILLIS, 30_000L);
        add("validationTimeout", Type.LONG_MILLIS, 5_000L);
        add("idleTimeout", Type.LONG_MILLIS, 600_000L);
        add("maxLifetime", Type.LONG_MILLIS, 1_800_000L);
        add("keepaliveTime", Type.LONG_MILLIS, 120_000L); // 0 up to 6.2.0; 2 min from 6.2.1
        add("leakDetectionThreshold", Type.LONG_MILLIS, 0L);
        add("initializationFailTimeout", Type.LONG_MILLIS, 1L);
        for (String b : new String[] {"autoCommit", "isolateInternalQueries", "allowPoolSuspension", "readOnly",
                "registerMbeans"}) {
            add(b, Type.BOOLEAN, null);
        }
        for (String s : new String[] {"jdbcUrl", "username", "password", "driverClassName", "dataSourceClassName",
                "dataSourceJNDI", "connectionTestQuery", "connectionInitSql", "poolName", "catalog", "schema",
                "transactionIsolation", "exceptionOverrideClassName", "credentialsProviderClassName",
                "metricsTrackerFactory", "healthCheckRegistry", "metricRegistry", "threadFactory",
                "scheduledExecutor", "dataSource", "dataSourceProperties", "healthCheckProperties"}) {
            add(s, Type.STRING, null);
        }
    }

    private HikariProperties() {
    }

    private static void add(String name, Type type, Long defaultValue) {
        PROPERTIES.put(name, new Property(name, type, Optional.ofNullable(defaultValue)));
    }

    /**
     * The property a key sets. HikariCP forgives only the case of the first letter
     * (PropertyElf: "set" + capitalised key), so {@code MaximumPoolSize} works and
     * {@code maximum-pool-size} or {@code maximumpoolsize} does not.
     */
    public static Optional<Property> byKey(String key) {
        return byKey(key, HikariVersion.LATEST);
    }

    /** The property a key sets in {@code version}. */
    public static Optional<Property> byKey(String key, HikariVersion version) {
        Property p = PROPERTIES.get(key);
        if (p == null || key.isEmpty() || !version.hasProperty(p.name())) {
            return Optional.empty();
        }
        boolean sameButFirst = p.name().substring(1).equals(key.substring(1))
                && Character.toLowerCase(key.charAt(0)) == Character.toLowerCase(p.name().charAt(0));
        return sameButFirst ? Optional.of(p) : Optional.empty();
    }

    /** Every key HikariCP knows, as it spells them. */
    public static java.util.List<String> names() {
        return names(HikariVersion.LATEST);
    }

    /** Every key {@code version} knows. */
    public static java.util.List<String> names(HikariVersion version) {
        return PROPERTIES.values().stream().map(Property::name).filter(version::hasProperty).toList();
    }

    public static java.util.Collection<Property> all() {
        return PROPERTIES.values();
    }
}
