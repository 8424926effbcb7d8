package io.connlint.core.pool;

import io.connlint.core.model.Setting;

import java.util.Map;

/**
 * The values HikariCP really runs with: the rewrites of HikariConfig.validateNumerics() (7.1.0,
 * research/client-facts.md §1.4), applied in the same order. They give the same values in every
 * release from 4.0.3 to 7.1.0 (compared in the sources jars; HikariOracleTest runs several). Each
 * rewritten setting keeps what was written and states what HikariCP uses instead and why, in
 * HikariCP's own log words.
 */
final class HikariValidation {

    private static final long MAX_LIFETIME = 1_800_000L;
    private static final long IDLE_TIMEOUT = 600_000L;
    private static final long CONNECTION_TIMEOUT = 30_000L;
    private static final long VALIDATION_TIMEOUT = 5_000L;
    private static final long SOFT_TIMEOUT_FLOOR = 250L;

    private HikariValidation() {
    }

    /** Rewrites the numeric settings in place (by HikariCP name; every one present). */
    static void apply(Map<String, Setting<Long>> settings) {
        Setting<Long> maxLifetime = settings.get("maxLifetime");
        long lifetime = maxLifetime.effective();
        if (lifetime != 0 && lifetime < 30_000) {
            lifetime = MAX_LIFETIME;
            settings.put("maxLifetime", maxLifetime.runsWith(lifetime, Setting.Kind.POOL_REWRITE,
                    "maxLifetime is less than 30000ms, setting to default 1800000ms (HikariCP)"));
        }
        Setting<Long> keepalive = settings.get("keepaliveTime");
        long keep = keepalive.effective();
        if (keep != 0 && keep < 30_000) {
            settings.put("keepaliveTime", keepalive.runsWith(0L, Setting.Kind.POOL_REWRITE,
                    "keepaliveTime is less than 30000ms, disabling it (HikariCP)"));
            keep = 0;
        }
        if (keep != 0 && lifetime != 0 && keep >= lifetime) {
            settings.put("keepaliveTime", keepalive.runsWith(0L, Setting.Kind.POOL_REWRITE,
                    "keepaliveTime is greater than or equal to maxLifetime, disabling it (HikariCP)"));
        }
        Setting<Long> leak = settings.get("leakDetectionThreshold");
        long l = leak.effective();
        if (l > 0 && (l < 2_000 || (l > lifetime && lifetime > 0))) {
            settings.put("leakDetectionThreshold", leak.runsWith(0L, Setting.Kind.POOL_REWRITE,
                    "leakDetectionThreshold is less than 2000ms or more than maxLifetime, disabling it (HikariCP)"));
        }
        floor(settings, "connectionTimeout", CONNECTION_TIMEOUT);
        floor(settings, "validationTimeout", VALIDATION_TIMEOUT);
        long max = settings.get("maximumPoolSize").effective();
        Setting<Long> minIdleSetting = settings.get("minimumIdle");
        long minIdle = minIdleSetting.effective();
        if (minIdle < 0 || minIdle > max) {
            settings.put("minimumIdle", minIdleSetting.runsWith(max, Setting.Kind.POOL_REWRITE,
                    "minimumIdle above maximumPoolSize is clamped to it (HikariCP)"));
            minIdle = max;
        }
        Setting<Long> idle = settings.get("idleTimeout");
        long idleTimeout = idle.effective();
        if (idleTimeout + 1_000 > lifetime && lifetime > 0 && minIdle < max) {
            settings.put("idleTimeout", idle.runsWith(0L, Setting.Kind.POOL_REWRITE,
                    "idleTimeout is close to or more than maxLifetime, disabling it (HikariCP)"));
        } else if (idleTimeout != 0 && idleTimeout < 10_000 && minIdle < max) {
            settings.put("idleTimeout", idle.runsWith(IDLE_TIMEOUT, Setting.Kind.POOL_REWRITE,
                    "idleTimeout is less than 10000ms, setting to default 600000ms (HikariCP)"));
        }
    }

    private static void floor(Map<String, Setting<Long>> settings, String name, long fallback) {
        Setting<Long> s = settings.get(name);
        if (s.effective() < SOFT_TIMEOUT_FLOOR) {
            settings.put(name, s.runsWith(fallback, Setting.Kind.POOL_REWRITE, name + " is less than 250ms, setting to "
                    + fallback + "ms (HikariCP)"));
        }
    }
}
