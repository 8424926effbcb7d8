package io.connlint.rules.timeouts;

import io.connlint.core.engine.LintRule;
import io.connlint.core.engine.Rule;
import io.connlint.core.engine.RuleContext;
import io.connlint.core.engine.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.Setting;
import io.connlint.rules.Numbers;

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
                        .help("set idleTimeout below " + waitMs + " ms, or keepaliveTime below it")
                        .emit();
            }
        }
    }
}
