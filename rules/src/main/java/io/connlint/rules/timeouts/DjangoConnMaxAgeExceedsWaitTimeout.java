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

import java.util.Optional;

/**
 * A Django thread that keeps its connection longer than the server's wait_timeout finds it closed
 * on the next request after a quiet spell: "MySQL server has gone away" (2006).
 */
@LintRule(code = "CL304", name = "django-conn-max-age-exceeds-wait-timeout",
        summary = "Django keeps connections longer than the server's wait_timeout allows",
        severity = Severity.ERROR)
public final class DjangoConnMaxAgeExceedsWaitTimeout implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            Setting<Long> waitTimeout = server.waitTimeout();
            for (ClientPool pool : model.poolsOf(server)) {
                if (pool.kind() != PoolKind.DJANGO) {
                    continue;
                }
                Optional<Setting<Long>> age = pool.longSetting(ClientPool.CONN_MAX_AGE);
                if (age.isEmpty()) {
                    continue;
                }
                long seconds = age.get().effective();
                boolean unlimited = seconds == ClientPool.CONN_MAX_AGE_UNLIMITED;
                if (!unlimited && seconds < waitTimeout.effective()) {
                    continue;
                }
                boolean healthChecks = pool.booleanSetting(ClientPool.CONN_HEALTH_CHECKS)
                        .map(Setting::effective).orElse(false);
                String kept = unlimited ? "without limit (CONN_MAX_AGE = None)"
                        : "for CONN_MAX_AGE = " + Numbers.seconds(seconds);
                RuleContext.Report report = context.report("Django threads of " + pool.id() + " keep connections "
                                + kept + ", but server " + server.id() + " closes idle ones after wait_timeout "
                                + Numbers.seconds(waitTimeout.effective()) + ": \"MySQL server has gone away\" (2006)")
                        .at(age.get(), pool.location())
                        .arithmetic((unlimited ? "CONN_MAX_AGE None" : "CONN_MAX_AGE " + seconds + " s") + " >= wait_timeout "
                                + waitTimeout.effective() + " s (" + waitTimeout.origin().describe() + ")")
                        .related(waitTimeout, "wait_timeout = " + waitTimeout.effective() + " on server " + server.id());
                if (healthChecks) {
                    report.arithmetic("CONN_HEALTH_CHECKS = True: a dead connection is replaced before the request uses it")
                            .downgradedTo(Severity.WARNING);
                }
                long suggestion = Math.max(1, waitTimeout.effective() - 1);
                report.help("set CONN_MAX_AGE below wait_timeout (at most " + suggestion + ")"
                        + (healthChecks ? "" : " and CONN_HEALTH_CHECKS = True (Django 4.1+)")).emit();
            }
        }
    }
}
