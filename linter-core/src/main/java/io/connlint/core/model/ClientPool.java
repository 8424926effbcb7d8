package io.connlint.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A connection pool one application process opens.
 *
 * @param id         unique in the model: {@code <app>} or {@code <app>/<datasource>}
 * @param app        the application the pool belongs to
 * @param kind       the pool library
 * @param configFiles the files the pool was read from (project-relative)
 * @param target     where it connects, when the configuration says
 * @param settings   pool settings by HikariCP name ({@code maximumPoolSize}, {@code maxLifetime}, …); times in ms
 * @param instances  how many instances of the app run
 * @param processes  how many processes per instance each open this pool
 * @param server     the server the app declares in connlint.yml, if any
 * @param declaredAt where the app is declared in connlint.yml, if anywhere
 * @param rejected   settings the pool library refuses (the pool would not start)
 * @param rolloutInstances instances while a rolling deploy runs (instances + surge), when known
 * @param maxInstances     the autoscaling ceiling, when known
 */
public record ClientPool(String id, String app, PoolKind kind, List<String> configFiles, Optional<Target> target,
                         SortedMap<String, Setting<?>> settings, Setting<Long> instances, Setting<Long> processes,
                         Optional<Setting<String>> server, Optional<SourceLocation> declaredAt,
                         List<RejectedValue> rejected, Optional<Setting<Long>> rolloutInstances,
                         Optional<Setting<Long>> maxInstances) {

    public static final String MAXIMUM_POOL_SIZE = "maximumPoolSize";
    public static final String MINIMUM_IDLE = "minimumIdle";
    public static final String MAX_LIFETIME = "maxLifetime";
    public static final String IDLE_TIMEOUT = "idleTimeout";
    public static final String KEEPALIVE_TIME = "keepaliveTime";
    public static final String CONNECTION_TIMEOUT = "connectionTimeout";
    /** HikariCP pools: the HikariCP release whose defaults and rewrites apply, and why (a string setting). */
    public static final String HIKARI_VERSION = "hikariVersion";
    /** Django: how long a thread keeps its connection, in seconds; {@link #CONN_MAX_AGE_UNLIMITED} for None. */
    public static final String CONN_MAX_AGE = "CONN_MAX_AGE";
    /** Django 4.1+: check a persistent connection before reusing it. */
    public static final String CONN_HEALTH_CHECKS = "CONN_HEALTH_CHECKS";
    /** {@code CONN_MAX_AGE = None}: connections are kept without limit. */
    public static final long CONN_MAX_AGE_UNLIMITED = -1;

    public ClientPool {
        configFiles = List.copyOf(configFiles);
        rejected = List.copyOf(rejected);
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }

    /** A yes/no pool setting. */
    public Optional<Setting<Boolean>> booleanSetting(String name) {
        Setting<?> setting = settings.get(name);
        if (setting != null && setting.value() instanceof Boolean) {
            @SuppressWarnings("unchecked")
            Setting<Boolean> b = (Setting<Boolean>) setting;
            return Optional.of(b);
        }
        return Optional.empty();
    }

    /** A numeric pool setting. */
    @SuppressWarnings("unchecked")
    public Optional<Setting<Long>> longSetting(String name) {
        Setting<?> setting = settings.get(name);
        return setting != null && setting.value() instanceof Long ? Optional.of((Setting<Long>) setting) : Optional.empty();
    }

    /** The most connections one process's pool may open (after the library's own rewrites). */
    public Setting<Long> maximumPoolSize() {
        return longSetting(MAXIMUM_POOL_SIZE).orElseThrow(
                () -> new IllegalStateException("pool " + id + " has no " + MAXIMUM_POOL_SIZE));
    }

    /** Where to point at the pool as a whole: the start of its first config file, else its declaration. */
    public Optional<SourceLocation> location() {
        return configFiles.stream().findFirst().map(SourceLocation::startOf).or(() -> declaredAt);
    }

    /** instances × processes × pool max, with effective values. */
    public long demand() {
        return demand(instances.effective());
    }

    /** The demand when {@code running} instances run. */
    public long demand(long running) {
        return running * processes.effective() * maximumPoolSize().effective();
    }
}
