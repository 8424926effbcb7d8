package io.connlint.core.pool;

import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue.Limits;
import io.connlint.core.model.PoolValue.NoLimit;
import io.connlint.core.model.Setting;
import io.connlint.core.read.hikari.HikariVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HikariCP (research/client-facts.md §1): its keys by HikariConfig's property names, its defaults
 * per release ({@link HikariVersion}), the values its setters refuse and the ones
 * {@code validateNumerics()} rewrites ({@link HikariValidation}). Spring Boot's default pool.
 */
public final class HikariCp implements PoolLibrary {

    public static final HikariCp INSTANCE = new HikariCp();

    /** The properties Spring Boot binds on HikariDataSource (HikariConfig 7.1.0 setters). */
    private static final List<String> SPRING_PROPERTIES = List.of("allowPoolSuspension", "autoCommit", "catalog",
            "connectionInitSql", "connectionTestQuery", "connectionTimeout", "credentialsProviderClassName",
            "dataSourceClassName", "dataSourceJNDI", "dataSourceProperties", "driverClassName",
            "exceptionOverrideClassName", "healthCheckProperties", "idleTimeout", "initializationFailTimeout",
            "isolateInternalQueries", "jdbcUrl", "keepaliveTime", "leakDetectionThreshold", "loginTimeout",
            "maxLifetime", "maximumPoolSize", "minimumIdle", "password", "poolName", "readOnly", "registerMbeans",
            "schema", "transactionIsolation", "username", "validationTimeout", "metricsTrackerFactory",
            "scheduledExecutor", "healthCheckRegistry", "metricRegistry", "threadFactory", "exceptionOverride",
            "credentials");

    // HikariConfig's setters and validateNumerics() (research/client-facts.md §1.3, §1.4): the floors below
    // are where a smaller value is refused or replaced
    private static final List<PoolKey> KEYS = List.of(
            PoolKey.count("maximumPoolSize", PoolConcept.MAX_CONNECTIONS, null, Limits.of(NoLimit.NONE, 1)),
            PoolKey.count("minimumIdle", PoolConcept.MIN_IDLE, null, Limits.of(NoLimit.NONE, 0)),
            PoolKey.millis("connectionTimeout", PoolConcept.ACQUISITION_TIMEOUT, false, null,
                    Limits.of(NoLimit.NONE, 250)),
            PoolKey.ownMillis("validationTimeout", null, Limits.of(NoLimit.NONE, 250)),
            PoolKey.millis("idleTimeout", PoolConcept.IDLE_TIMEOUT, false, null,
                    Limits.of(NoLimit.ZERO, 10_000).belowLifetimeBy(1_000)),
            PoolKey.millis("maxLifetime", PoolConcept.MAX_LIFETIME, false, null, Limits.of(NoLimit.ZERO, 30_000)),
            PoolKey.millis("keepaliveTime", PoolConcept.KEEPALIVE, false, null,
                    Limits.of(NoLimit.ZERO, 30_000).belowLifetimeBy(0)),
            PoolKey.ownMillis("leakDetectionThreshold", null, Limits.of(NoLimit.ZERO, 2_000)),
            PoolKey.ownMillis("initializationFailTimeout", null, Limits.NONE));

    private static final SpringBinding SPRING = new SpringBinding(PoolKind.SPRING_HIKARI, "spring.datasource.hikari",
            "com.zaxxer.hikari.HikariDataSource", SPRING_PROPERTIES, true);

    private HikariCp() {
    }

    @Override
    public String name() {
        return "HikariCP";
    }

    @Override
    public List<PoolKind> kinds() {
        return List.of(PoolKind.HIKARI, PoolKind.SPRING_HIKARI);
    }

    @Override
    public List<PoolKey> keys() {
        return KEYS;
    }

    @Override
    public String engine(Optional<String> release) {
        return version(release).engine();
    }

    @Override
    public Optional<Long> defaultValue(PoolKey key, Optional<String> release) {
        HikariVersion version = version(release);
        return HikariProperties.byKey(key.name(), version).flatMap(p -> p.defaultIn(version));
    }

    /**
     * The checks HikariConfig's setters make, which throw and stop the pool from starting
     * (research/client-facts.md §1.3; HikariConfig 7.1.0).
     */
    @Override
    public Optional<String> refuses(PoolKey key, long value) {
        return switch (key.name()) {
            case "connectionTimeout" -> value != 0 && value < 250
                    ? Optional.of("connectionTimeout cannot be less than 250ms") : Optional.empty();
            case "validationTimeout" -> value < 250
                    ? Optional.of("validationTimeout cannot be less than 250ms") : Optional.empty();
            case "idleTimeout" -> value < 0 ? Optional.of("idleTimeout cannot be negative") : Optional.empty();
            case "maximumPoolSize" -> value < 1 ? Optional.of("maxPoolSize cannot be less than 1") : Optional.empty();
            case "minimumIdle" -> value < 0 ? Optional.of("minimumIdle cannot be negative") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * connectionTimeout 0 as HikariCP's wait without limit, the release's defaults for every numeric
     * property not written (minimumIdle: maximumPoolSize), then {@code validateNumerics()}.
     */
    @Override
    public Map<String, Setting<Long>> complete(Map<String, Setting<Long>> written, Optional<String> release) {
        Map<String, Setting<Long>> settings = new LinkedHashMap<>(written);
        Setting<Long> timeout = settings.get("connectionTimeout");
        if (timeout != null && timeout.isWritten() && timeout.value() == 0) {
            // HikariConfig.setConnectionTimeout: 0 is Integer.MAX_VALUE
            settings.put("connectionTimeout", timeout.runsWith((long) Integer.MAX_VALUE, Setting.Kind.SPECIAL_VALUE,
                    "connectionTimeout 0 means wait forever: HikariCP uses 2147483647 ms"));
        }
        HikariVersion version = version(release);
        for (HikariProperties.Property p : HikariProperties.all()) {
            Optional<Long> d = p.defaultIn(version);
            if (d.isPresent()) {
                settings.putIfAbsent(p.name(), Setting.engineDefault(p.name(), d.get(), version.engine()));
            }
        }
        if (!settings.containsKey("minimumIdle")) {
            settings.put("minimumIdle", Setting.derived("minimumIdle", settings.get("maximumPoolSize").effective(),
                    "minimumIdle defaults to maximumPoolSize (HikariCP)"));
        }
        HikariValidation.apply(settings);
        return settings;
    }

    @Override
    public Optional<SpringBinding> spring() {
        return Optional.of(SPRING);
    }

    /** The release {@code release} names; the latest when it names none. */
    static HikariVersion version(Optional<String> release) {
        return release.flatMap(HikariVersion::parse).orElse(HikariVersion.LATEST);
    }
}
