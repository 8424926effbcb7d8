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

import java.util.Optional;

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
            if (!pool.kind().isHikari()) {
                continue;
            }
            Optional<PoolValue.Time> idle = pool.time(PoolConcept.IDLE_TIMEOUT);
            Optional<PoolValue.Count> minIdle = pool.count(PoolConcept.MIN_IDLE);
            Setting<Long> max = pool.maximumPoolSize();
            if (idle.isEmpty() || !idle.get().setting().isWritten() || minIdle.isEmpty()
                    || minIdle.get().setting().effective() < max.effective()) {
                continue;
            }
            String idleName = idle.get().setting().name();
            String minName = minIdle.get().setting().name();
            context.report(idleName + " of pool " + pool.id() + " has no effect: " + minName + " = "
                            + minIdle.get().setting().effective() + " equals " + max.name() + ", so the pool keeps"
                            + " every connection open (a fixed-size pool)")
                    .at(idle.get().setting(), pool.location())
                    .help("remove " + idleName + ", or set " + minName + " below " + max.name()
                            + " to let idle connections go")
                    .emit();
        }
    }
}
