package io.connlint.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param values     the pool's settings, each with the library's key and the concept it stands for
 * @param release    the library release whose defaults and rewrites apply, and why (HikariCP pools)
 * @param instances  how many instances of the app run
 * @param processes  how many processes per instance each open this pool
 * @param server     the server the app declares in connlint.yml, if any
 * @param declaredAt where the app is declared in connlint.yml, if anywhere
 * @param rejected   settings the pool library refuses (the pool would not start)
 * @param rolloutInstances instances while a rolling deploy runs (instances + surge), when known
 * @param maxInstances     the autoscaling ceiling, when known
 */
public record ClientPool(String id, String app, PoolKind kind, List<String> configFiles, Optional<Target> target,
                         List<PoolValue> values, Optional<Setting<String>> release, Setting<Long> instances,
                         Setting<Long> processes, Optional<Setting<String>> server, Optional<SourceLocation> declaredAt,
                         List<RejectedValue> rejected, Optional<Setting<Long>> rolloutInstances,
                         Optional<Setting<Long>> maxInstances) {

    // The keys of settings(), a public contract of show --format json (HikariCP's names; times in ms).
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
        values = List.copyOf(values);
        rejected = List.copyOf(rejected);
        Map<String, PoolConcept> seen = new LinkedHashMap<>();
        for (PoolValue v : values) {
            if (seen.containsKey(v.key()) || (v.concept().isPresent() && seen.containsValue(v.concept().get()))) {
                throw new IllegalArgumentException("pool " + id + " has " + v.key() + " twice");
            }
            seen.put(v.key(), v.concept().orElse(null));
        }
        if (concept(values, PoolConcept.MAX_CONNECTIONS).filter(PoolValue.Count.class::isInstance).isEmpty()) {
            throw new IllegalArgumentException("pool " + id + " has no maximum of connections");
        }
    }

    // ---- the neutral concepts -----------------------------------------------------------------

    /** The value that stands for {@code concept}, if the pool has one. */
    public Optional<PoolValue> value(PoolConcept concept) {
        return concept(values, concept);
    }

    /** The count that stands for {@code concept} ({@link PoolConcept#MAX_CONNECTIONS}, {@link PoolConcept#MIN_IDLE}). */
    public Optional<PoolValue.Count> count(PoolConcept concept) {
        return value(concept).filter(PoolValue.Count.class::isInstance).map(PoolValue.Count.class::cast);
    }

    /** The duration that stands for {@code concept} ({@link PoolConcept#MAX_LIFETIME}, …). */
    public Optional<PoolValue.Time> time(PoolConcept concept) {
        return value(concept).filter(PoolValue.Time.class::isInstance).map(PoolValue.Time.class::cast);
    }

    /** The yes/no setting that stands for {@code concept} ({@link PoolConcept#HEALTH_CHECK}). */
    public Optional<PoolValue.Flag> flag(PoolConcept concept) {
        return value(concept).filter(PoolValue.Flag.class::isInstance).map(PoolValue.Flag.class::cast);
    }

    /** The most connections one process opens: maximumPoolSize, maxActive, maxTotal, Django's threads. */
    public PoolValue.Count maxConnections() {
        return count(PoolConcept.MAX_CONNECTIONS).orElseThrow();
    }

    /** The most connections one process's pool may open (after the library's own rewrites), in its own words. */
    public Setting<Long> maximumPoolSize() {
        return maxConnections().setting();
    }

    // ---- views by key, for reporters (show, html) ---------------------------------------------

    /**
     * Every setting by the key the model files it under ({@link PoolValue#key()}), and the library
     * release: what {@code show} prints. Rules read {@link #value(PoolConcept)} instead.
     */
    public SortedMap<String, Setting<?>> settings() {
        SortedMap<String, Setting<?>> settings = new TreeMap<>();
        for (PoolValue v : values) {
            settings.put(v.key(), v.setting());
        }
        release.ifPresent(r -> settings.put(r.name(), r));
        return Collections.unmodifiableSortedMap(settings);
    }

    /** The value filed under {@code key}, if any. */
    public Optional<PoolValue> valueByKey(String key) {
        return values.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /** A yes/no setting by key (a view for reporters; rules use {@link #flag(PoolConcept)}). */
    public Optional<Setting<Boolean>> booleanSetting(String key) {
        return valueByKey(key).filter(PoolValue.Flag.class::isInstance).map(v -> ((PoolValue.Flag) v).setting());
    }

    /** A numeric setting by key (a view for reporters; rules use {@link #count} or {@link #time}). */
    public Optional<Setting<Long>> longSetting(String key) {
        Optional<PoolValue> value = valueByKey(key);
        if (value.isPresent() && value.get() instanceof PoolValue.Count c) {
            return Optional.of(c.setting());
        }
        if (value.isPresent() && value.get() instanceof PoolValue.Time t) {
            return Optional.of(t.setting());
        }
        return Optional.empty();
    }

    // ---- where, and how many ------------------------------------------------------------------

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

    private static Optional<PoolValue> concept(List<PoolValue> values, PoolConcept concept) {
        // a loop, not a stream: every budget rule asks each pool for its maximum, on models of thousands of pools
        for (PoolValue v : values) {
            if (v.concept().isPresent() && v.concept().get() == concept) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
