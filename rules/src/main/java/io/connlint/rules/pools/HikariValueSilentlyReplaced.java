package io.connlint.rules.pools;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;

/**
 * HikariConfig.validate() replaces values it does not accept with others and only logs a
 * warning: the pool runs with settings nobody wrote (research/client-facts.md §1.4).
 */
@LintRule(code = "CL401", name = "hikari-value-silently-replaced",
        summary = "HikariCP runs with another value than the one written",
        severity = Severity.WARNING)
public final class HikariValueSilentlyReplaced implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool pool : model.pools()) {
            if (!pool.kind().isHikari()) {
                continue;
            }
            for (PoolValue v : pool.values()) {
                Setting<?> s = v.setting();
                // connectionTimeout 0 is HikariCP's documented "wait forever": CL305's, not a silent rewrite
                if (!s.isWritten() || s.adjustment(Setting.Kind.POOL_REWRITE).isEmpty()) {
                    continue;
                }
                context.report(pool.kind().library() + " runs pool " + pool.id() + " with " + s.name() + " = "
                                + s.effective() + ", not the " + s.raw() + " written: " + s.reason().orElseThrow())
                        .at(s, pool.location())
                        .arithmetic("written " + s.value() + " → runs with " + s.effective() + " ("
                                + s.origin().describe() + ")")
                        .help(fix(pool, v))
                        .emit();
            }
        }
    }

    /** The value to write so that HikariCP runs with it (HikariConfig.validateNumerics, research §1.4). */
    static String fix(ClientPool pool, PoolValue v) {
        String name = v.setting().name();
        long max = pool.maximumPoolSize().effective();
        long life = pool.time(PoolConcept.MAX_LIFETIME).map(PoolValue.Time::millis).orElse(0L);
        long written = v.setting().value() instanceof Long n ? n : 0;
        long floor = v instanceof PoolValue.Time t ? t.limits().floor().orElse(0L) : 0;
        String atLeast = "write " + name + " = " + floor + " or more (HikariCP's floor)";
        if (v.concept().isEmpty()) {
            return switch (name) {
                case "leakDetectionThreshold" -> written < floor ? atLeast + ", or 0 to turn it off"
                        : "write " + name + " = " + life + " or less (maxLifetime), or 0 to turn it off";
                case "validationTimeout" -> atLeast;
                default -> "write a value HikariCP accepts, or remove it (see connlint explain CL401)";
            };
        }
        return switch (v.concept().get()) {
            case MAX_LIFETIME -> atLeast + ", or 0 for no limit; if the database closes connections sooner, raise"
                    + " its limit (wait_timeout) instead";
            case KEEPALIVE -> written < floor
                    ? (life == 0 || life > floor ? atLeast.replace(" or more", "") + (life > 0 ? ", below maxLifetime "
                    + life : "") : "remove " + name + ": maxLifetime " + life + " leaves no room above HikariCP's floor of "
                    + floor)
                    : keepaliveBelow(name, life, floor);
            case IDLE_TIMEOUT -> written != 0 && written < floor
                    ? atLeast + ", or 0 to keep idle connections"
                    : life > floor + 1_000 ? "write " + name + " = " + (life - 1_000) + " or less (maxLifetime " + life
                    + " − 1000), or remove it" : "remove " + name + ": maxLifetime " + life + " retires connections first";
            case MIN_IDLE -> "write " + name + " = " + max + " (maximumPoolSize) or less, or remove it for a"
                    + " fixed-size pool";
            case ACQUISITION_TIMEOUT -> atLeast;
            default -> "write a value HikariCP accepts, or remove it (see connlint explain CL401)";
        };
    }

    private static String keepaliveBelow(String name, long life, long floor) {
        if (life <= floor) {
            return "remove " + name + ": maxLifetime " + life + " leaves no room above HikariCP's floor of " + floor;
        }
        // a round value below maxLifetime, at least HikariCP's floor
        long below = life - 1;
        long value = below >= 120_000 ? below / 60_000 * 60_000 : Math.max(floor, below / 1000 * 1000);
        return "write " + name + " = " + value + ", below maxLifetime " + life;
    }
}
