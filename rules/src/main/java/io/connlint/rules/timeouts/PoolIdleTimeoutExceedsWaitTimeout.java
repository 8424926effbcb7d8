package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;

/**
 * A pool that lets idle connections go (minimumIdle below maximumPoolSize) should let them go
 * before the server does: otherwise idle connections die on the server first and the pool finds
 * them dead, unless keepalive pings them in time.
 */
@LintRule(code = "CL306", name = "pool-idle-timeout-exceeds-wait-timeout",
        summary = "Idle connections outlive the server's wait_timeout in the pool",
        severity = Severity.WARNING)
public final class PoolIdleTimeoutExceedsWaitTimeout implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            Setting<Long> wait = server.waitTimeout();
            long waitMs = wait.effective() * 1000;
            for (ClientPool pool : model.poolsOf(server)) {
                if (pool.kind() != PoolKind.HIKARI && pool.kind() != PoolKind.SPRING_HIKARI) {
                    continue;
                }
                var idle = pool.longSetting(ClientPool.IDLE_TIMEOUT);
                var minIdle = pool.longSetting(ClientPool.MINIMUM_IDLE);
                if (idle.isEmpty() || minIdle.isEmpty()
                        || minIdle.get().effective() >= pool.maximumPoolSize().effective()) {
                    continue; // a fixed-size pool never retires idle connections: CL303 covers it
                }
                long idleMs = idle.get().effective();
                boolean kept = pool.longSetting(ClientPool.KEEPALIVE_TIME)
                        .map(k -> k.effective() > 0 && k.effective() < waitMs).orElse(false);
                if ((idleMs != 0 && idleMs < waitMs) || kept) {
                    continue;
                }
                String idleText = idleMs == 0 ? "never (idleTimeout 0" + idle.get().reason().map(r -> ": " + r).orElse("")
                        + ")" : "after idleTimeout " + Numbers.millis(idleMs);
                context.report("pool " + pool.id() + " retires idle connections " + idleText + ", but server "
                                + server.id() + " closes them after wait_timeout " + Numbers.seconds(wait.effective())
                                + ", and no keepalive pings them before")
                        .at(idle.get(), pool.location())
                        .related(wait, "wait_timeout = " + wait.effective() + " on server " + server.id())
                        .arithmetic("minimumIdle " + minIdle.get().effective() + " < maximumPoolSize "
                                + pool.maximumPoolSize().effective() + ": idle connections wait for idleTimeout")
                        .arithmetic((idleMs == 0 ? "idleTimeout 0 (never)" : "idleTimeout " + idleMs + " ms")
                                + " >= wait_timeout " + wait.effective() + " s = " + waitMs + " ms ("
                                + wait.origin().describe() + ")")
                        .help(fix(pool, waitMs))
                        .emit();
            }
        }
    }

    /**
     * An idleTimeout HikariCP keeps (at least 10000, and 1000 below maxLifetime, else validate()
     * turns it off) below wait_timeout, as a round value; else a keepaliveTime (at least 30000,
     * below maxLifetime).
     */
    static String fix(ClientPool pool, long waitMs) {
        long life = pool.longSetting(ClientPool.MAX_LIFETIME).map(Setting::effective).orElse(1_800_000L);
        long idleCap = Math.min(waitMs - 1, life > 0 ? life - 1_001 : Long.MAX_VALUE);
        long idle = round(idleCap);
        if (idle >= 10_000) {
            return "set idleTimeout = " + idle + " (below wait_timeout " + waitMs + " ms"
                    + (life > 0 ? " and maxLifetime " + life + " − 1000" : "") + "), or keepaliveTime below wait_timeout";
        }
        long keepCap = Math.min(waitMs - 1, life > 0 ? life - 1 : Long.MAX_VALUE);
        long keep = round(keepCap);
        if (keep >= 30_000) {
            return "set keepaliveTime = " + keep + " (below wait_timeout " + waitMs + " ms), since HikariCP takes no"
                    + " idleTimeout below 10000";
        }
        return "raise wait_timeout: HikariCP takes no idleTimeout below 10000 ms and no keepaliveTime below 30000 ms";
    }

    /** Whole minutes when at least two, else whole seconds, not above {@code cap}. */
    private static long round(long cap) {
        return cap >= 120_000 ? cap / 60_000 * 60_000 : cap / 1000 * 1000;
    }
}
