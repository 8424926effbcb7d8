package io.connlint.rules.django;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.Setting;

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
            if (pool.kind() != PoolKind.DJANGO) {
                continue;
            }
            var age = pool.longSetting(ClientPool.CONN_MAX_AGE);
            if (age.isEmpty() || age.get().effective() == 0) {
                continue;
            }
            boolean healthChecks = pool.booleanSetting(ClientPool.CONN_HEALTH_CHECKS)
                    .map(Setting::effective).orElse(false);
            if (healthChecks) {
                continue;
            }
            String kept = age.get().effective() == ClientPool.CONN_MAX_AGE_UNLIMITED ? "None"
                    : String.valueOf(age.get().effective());
            context.report("connections of " + pool.id() + " persist (CONN_MAX_AGE = " + kept
                            + ") but are reused without a health check: after a server restart each thread's next"
                            + " request fails")
                    .at(age.get(), pool.location())
                    .help("set \"CONN_HEALTH_CHECKS\": True beside CONN_MAX_AGE in the DATABASES entry (Django 4.1+)")
                    .emit();
        }
    }
}
