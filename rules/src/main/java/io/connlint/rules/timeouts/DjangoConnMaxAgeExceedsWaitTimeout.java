package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;

import java.util.Optional;

/**
 * A Django thread that keeps its connection longer than the server's wait_timeout finds it closed
 * on the next request after a quiet spell: "MySQL server has gone away" (2006). The face of CL303's
 * check for connections kept per thread (Django's CONN_MAX_AGE), without a margin: Django closes a
 * connection past its age when a request starts.
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
                if (!pool.kind().perThread()) {
                    continue; // CL303's
                }
                Lifetimes.outliving(pool, waitTimeout.effective() * 1000)
                        .ifPresent(age -> report(context, server, pool, age, waitTimeout));
            }
        }
    }

    private static void report(RuleContext context, DatabaseServer server, ClientPool pool, PoolValue.Time value,
                               Setting<Long> waitTimeout) {
        Setting<Long> age = value.setting();
        String name = age.name();
        long seconds = age.effective();
        boolean unlimited = value.unlimited();
        Optional<PoolValue.Flag> healthFlag = pool.flag(PoolConcept.HEALTH_CHECK);
        boolean healthChecks = healthFlag.map(f -> f.setting().effective()).orElse(false);
        String health = healthFlag.map(f -> f.setting().name()).orElse(ClientPool.CONN_HEALTH_CHECKS);
        String kept = unlimited ? "without limit (" + name + " = " + age.raw() + ")"
                : "for " + name + " = " + Numbers.seconds(seconds);
        RuleContext.Report report = context.report("Django threads of " + pool.id() + " keep connections "
                        + kept + ", but server " + server.id() + " closes idle ones after wait_timeout "
                        + Numbers.seconds(waitTimeout.effective()) + ": \"MySQL server has gone away\" (2006)")
                .at(age, pool.location())
                .arithmetic((unlimited ? name + " " + age.raw() : name + " " + seconds + " s") + " >= wait_timeout "
                        + waitTimeout.effective() + " s (" + waitTimeout.origin().describe() + ")")
                .related(waitTimeout, "wait_timeout = " + waitTimeout.effective() + " on server " + server.id());
        if (healthChecks) {
            report.arithmetic(health + " = True: a dead connection is replaced before the request uses it")
                    .downgradedTo(Severity.WARNING);
        }
        long suggestion = Math.max(1, waitTimeout.effective() - 1);
        report.help("set " + name + " below wait_timeout (at most " + suggestion + ")"
                + (healthChecks ? "" : " and " + health + " = True (Django 4.1+)")).emit();
    }
}
