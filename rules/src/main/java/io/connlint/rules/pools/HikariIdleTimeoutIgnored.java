package io.connlint.rules.pools;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolKind;

/**
 * idleTimeout only retires connections above minimumIdle; a fixed-size pool (the default) has
 * none, so the setting does nothing ("has been set but has no effect because the pool is operating
 * as a fixed size pool").
 */
@LintRule(code = "CL403", name = "hikari-idle-timeout-ignored",
        summary = "idleTimeout is set on a fixed-size HikariCP pool, where it has no effect",
        severity = Severity.INFO)
public final class HikariIdleTimeoutIgnored implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool pool : model.pools()) {
            if (pool.kind() != PoolKind.HIKARI && pool.kind() != PoolKind.SPRING_HIKARI) {
                continue;
            }
            var idle = pool.longSetting(ClientPool.IDLE_TIMEOUT);
            var minIdle = pool.longSetting(ClientPool.MINIMUM_IDLE);
            if (idle.isEmpty() || !idle.get().isWritten() || minIdle.isEmpty()
                    || minIdle.get().effective() < pool.maximumPoolSize().effective()) {
                continue;
            }
            context.report("idleTimeout of pool " + pool.id() + " has no effect: minimumIdle = "
                            + minIdle.get().effective() + " equals maximumPoolSize, so the pool keeps every connection"
                            + " open (a fixed-size pool)")
                    .at(idle.get(), pool.location())
                    .help("remove idleTimeout, or set minimumIdle below maximumPoolSize to let idle connections go")
                    .emit();
        }
    }
}
