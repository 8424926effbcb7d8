package io.connlint.rules.pools;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.Setting;

import java.util.Map;

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
            if (pool.kind() != PoolKind.HIKARI && pool.kind() != PoolKind.SPRING_HIKARI) {
                continue;
            }
            for (Map.Entry<String, Setting<?>> e : pool.settings().entrySet()) {
                Setting<?> s = e.getValue();
                // connectionTimeout 0 is HikariCP's documented "wait forever": CL305's, not a silent rewrite
                if (!s.isWritten() || s.adjustment(Setting.Kind.POOL_REWRITE).isEmpty()) {
                    continue;
                }
                context.report("HikariCP runs pool " + pool.id() + " with " + e.getKey() + " = " + s.effective()
                                + ", not the " + s.raw() + " written: " + s.reason().orElseThrow())
                        .at(s, pool.location())
                        .arithmetic("written " + s.value() + " → runs with " + s.effective() + " ("
                                + s.origin().describe() + ")")
                        .help(fix(pool, e.getKey(), s))
                        .emit();
            }
        }
    }

    /** The value to write so that HikariCP runs with it (HikariConfig.validateNumerics, research §1.4). */
    static String fix(ClientPool pool, String name, Setting<?> s) {
        long max = pool.maximumPoolSize().effective();
        long life = pool.longSetting(ClientPool.MAX_LIFETIME).map(Setting::effective).orElse(1_800_000L);
        long written = s.value() instanceof Long n ? n : 0;
        return switch (name) {
            case "maxLifetime" -> "write maxLifetime = 30000 or more (HikariCP's floor), or 0 for no limit; if the"
                    + " database closes connections sooner, raise its limit (wait_timeout) instead";
            case "keepaliveTime" -> written < 30_000
                    ? (life == 0 || life > 30_000 ? "write keepaliveTime = 30000 (HikariCP's floor)"
                    + (life > 0 ? ", below maxLifetime " + life : "") : "remove keepaliveTime: maxLifetime " + life
                    + " leaves no room above HikariCP's floor of 30000")
                    : keepaliveBelow(life);
            case "leakDetectionThreshold" -> written < 2_000
                    ? "write leakDetectionThreshold = 2000 or more (HikariCP's floor), or 0 to turn it off"
                    : "write leakDetectionThreshold = " + life + " or less (maxLifetime), or 0 to turn it off";
            case "idleTimeout" -> written != 0 && written < 10_000
                    ? "write idleTimeout = 10000 or more (HikariCP's floor), or 0 to keep idle connections"
                    : life > 11_000 ? "write idleTimeout = " + (life - 1_000) + " or less (maxLifetime " + life
                    + " − 1000), or remove it" : "remove idleTimeout: maxLifetime " + life + " retires connections first";
            case "minimumIdle" -> "write minimumIdle = " + max + " (maximumPoolSize) or less, or remove it for a"
                    + " fixed-size pool";
            case "connectionTimeout", "validationTimeout" -> "write " + name + " = 250 or more (HikariCP's floor)";
            default -> "write a value HikariCP accepts, or remove it (see connlint explain CL401)";
        };
    }

    private static String keepaliveBelow(long life) {
        if (life <= 30_000) {
            return "remove keepaliveTime: maxLifetime " + life + " leaves no room above HikariCP's floor of 30000";
        }
        // a round value below maxLifetime, at least HikariCP's floor
        long below = life - 1;
        long value = below >= 120_000 ? below / 60_000 * 60_000 : Math.max(30_000, below / 1000 * 1000);
        return "write keepaliveTime = " + value + ", below maxLifetime " + life;
    }
}
