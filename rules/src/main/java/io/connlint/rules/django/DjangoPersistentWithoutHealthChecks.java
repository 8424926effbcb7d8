package io.connlint.rules.django;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue;

/**
 * Persistent connections without health checks: after a server restart or a network drop, each
 * thread's first request fails on its dead connection.
 */
@LintRule(code = "CL602", name = "django-persistent-without-health-checks",
        summary = "Persistent Django connections are reused without CONN_HEALTH_CHECKS",
        severity = Severity.INFO)
public final class DjangoPersistentWithoutHealthChecks implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool pool : model.pools()) {
            if (!pool.kind().equals(PoolKind.DJANGO)) {
                continue;
            }
            var lifetime = pool.time(PoolConcept.MAX_LIFETIME);
            if (lifetime.isEmpty() || lifetime.get().setting().effective() == 0) {
                continue;
            }
            var age = lifetime.map(PoolValue.Time::setting);
            boolean healthChecks = pool.flag(PoolConcept.HEALTH_CHECK).map(f -> f.setting().effective()).orElse(false);
            if (healthChecks) {
                continue;
            }
            String kept = lifetime.get().unlimited() ? "None" : String.valueOf(age.get().effective());
            context.report("connections of " + pool.id() + " persist (CONN_MAX_AGE = " + kept
                            + ") but are reused without a health check: after a server restart each thread's next"
                            + " request fails")
                    .at(age.get(), pool.location())
                    .help("set \"CONN_HEALTH_CHECKS\": True beside CONN_MAX_AGE in the DATABASES entry (Django 4.1+)")
                    .emit();
        }
    }
}
