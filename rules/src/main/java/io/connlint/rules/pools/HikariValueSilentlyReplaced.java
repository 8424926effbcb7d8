package io.connlint.rules.pools;

import io.connlint.core.engine.LintRule;
import io.connlint.core.engine.Rule;
import io.connlint.core.engine.RuleContext;
import io.connlint.core.engine.Severity;
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
                        .help("write a value HikariCP accepts, or remove it (see connlint explain CL401)")
                        .emit();
            }
        }
    }
}
