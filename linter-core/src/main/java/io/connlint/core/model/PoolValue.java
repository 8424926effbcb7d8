package io.connlint.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One setting of a pool: the library's own setting (its {@link Setting#name() name} is the key as
 * the library spells it, its value in the library's unit, its origin where it was written) and
 * the neutral concept it stands for, with what the library makes of special values.
 *
 * <p>{@link #key()} is the name the model files the value under, which {@code show --format json}
 * prints ({@code pools[].settings.<key>}): HikariCP's name for the concepts every JDBC pool shares
 * ({@code maxLifetime} also for tomcat-jdbc's {@code maxAge}), the library's own name otherwise.
 */
public sealed interface PoolValue permits PoolValue.Count, PoolValue.Time, PoolValue.Flag {

    /** The name the model files the value under. */
    String key();

    /** The neutral concept, when the value stands for one. */
    Optional<PoolConcept> concept();

    /** The library's setting: its name, value as written and as run, and where it comes from. */
    Setting<?> setting();

    /** Which values of a number a library reads as "no limit" (or "off"). */
    enum NoLimit {
        /** Every value is a limit. */
        NONE,
        /** 0 means no limit (HikariCP maxLifetime, idleTimeout). */
        ZERO,
        /** 0 and below mean no limit (tomcat-jdbc maxAge, DBCP2 maxConnLifetimeMillis). */
        ZERO_OR_BELOW,
        /** Below 0 means no limit (DBCP2 maxTotal and maxWaitMillis). */
        BELOW_ZERO,
        /** Exactly -1: Django's None, as the model files it (a negative CONN_MAX_AGE closes at once). */
        MINUS_ONE;

        /** True when the library reads {@code value} as no limit. */
        public boolean test(long value) {
            return switch (this) {
                case NONE -> false;
                case ZERO -> value == 0;
                case ZERO_OR_BELOW -> value <= 0;
                case BELOW_ZERO -> value < 0;
                case MINUS_ONE -> value == -1;
            };
        }
    }

    /**
     * What a library accepts for a number, as facts rules word their help from.
     *
     * @param noLimit         which values mean no limit
     * @param floor           the least value the library runs with (below it the value is refused or
     *                        replaced), other than the no-limit value
     * @param belowLifetimeBy the library ignores the value unless it stays more than this below the
     *                        pool's lifetime (HikariCP: idleTimeout by 1000 ms, keepaliveTime by 0)
     */
    record Limits(NoLimit noLimit, Optional<Long> floor, Optional<Long> belowLifetimeBy) {
        public static final Limits NONE = new Limits(NoLimit.NONE, Optional.empty(), Optional.empty());

        public Limits {
            Objects.requireNonNull(noLimit, "noLimit");
            Objects.requireNonNull(floor, "floor");
            Objects.requireNonNull(belowLifetimeBy, "belowLifetimeBy");
        }

        /** No limit at {@code noLimit}, no floor. */
        public static Limits of(NoLimit noLimit) {
            return new Limits(noLimit, Optional.empty(), Optional.empty());
        }

        /** No limit at {@code noLimit}, nothing below {@code floor}. */
        public static Limits of(NoLimit noLimit, long floor) {
            return new Limits(noLimit, Optional.of(floor), Optional.empty());
        }

        /** The same limits, with the value ignored unless it stays more than {@code by} below the lifetime. */
        public Limits belowLifetimeBy(long by) {
            return new Limits(noLimit, floor, Optional.of(by));
        }
    }

    /** A number of connections. */
    record Count(String key, Optional<PoolConcept> concept, Setting<Long> setting, Limits limits)
            implements PoolValue {
        public Count {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(concept, "concept");
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(limits, "limits");
        }

        /** True when the library runs the value as no limit. */
        public boolean unlimited() {
            return limits.noLimit().test(setting.effective());
        }
    }

    /** A duration, in the library's unit (ms for the JDBC pools, s for Django). */
    record Time(String key, Optional<PoolConcept> concept, Setting<Long> setting, TimeUnit unit, Limits limits)
            implements PoolValue {
        public Time {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(concept, "concept");
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(limits, "limits");
        }

        /** True when the library runs the value as no limit (or, for a keepalive, as off). */
        public boolean unlimited() {
            return limits.noLimit().test(setting.effective());
        }

        /** The value the library runs with, in ms. */
        public long millis() {
            return unit.toMillis(setting.effective());
        }
    }

    /** A yes/no setting. */
    record Flag(String key, Optional<PoolConcept> concept, Setting<Boolean> setting) implements PoolValue {
        public Flag {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(concept, "concept");
            Objects.requireNonNull(setting, "setting");
        }
    }
}
