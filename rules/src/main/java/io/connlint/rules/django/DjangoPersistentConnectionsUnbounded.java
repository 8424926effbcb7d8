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
 * {@code CONN_MAX_AGE = None}: every worker thread keeps its connection forever. Without health
 * checks that is also CL304's failure, so it is an error; with them, a warning.
 */
@LintRule(code = "CL601", name = "django-persistent-connections-unbounded",
        summary = "CONN_MAX_AGE = None keeps every thread's connection forever",
        severity = Severity.WARNING)
public final class DjangoPersistentConnectionsUnbounded implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool pool : model.pools()) {
            if (!pool.kind().equals(PoolKind.DJANGO)) {
                continue;
            }
            var age = pool.time(PoolConcept.MAX_LIFETIME).filter(PoolValue.Time::unlimited).map(PoolValue.Time::setting);
            if (age.isEmpty()) {
                continue;
            }
            boolean healthChecks = pool.flag(PoolConcept.HEALTH_CHECK).map(f -> f.setting().effective()).orElse(false);
            RuleContext.Report report = context.report("CONN_MAX_AGE = None: each of the "
                            + pool.processes().effective() * pool.maximumPoolSize().effective()
                            + " threads of every " + pool.app() + " instance keeps its connection forever, also across"
                            + " server restarts and wait_timeout")
                    .at(age.get(), pool.location())
                    .help(maxAge(model, pool) + (healthChecks ? "" : ", and CONN_HEALTH_CHECKS = True"));
            if (!healthChecks) {
                // RULES.md: with CL304 (None always outlives wait_timeout) and no health checks, it is an error
                report.escalatedTo(Severity.ERROR);
            }
            report.emit();
        }
    }

    /**
     * A CONN_MAX_AGE below the wait_timeout of the server the pool connects to: whole minutes, at
     * most 10 (Django closes the connection at the end of the first request after it).
     */
    static String maxAge(Deployment model, ClientPool pool) {
        var server = java.util.Optional.ofNullable(model.poolServer().get(pool.id())).flatMap(model::server);
        if (server.isEmpty()) {
            return "set CONN_MAX_AGE to a number of seconds below the server's wait_timeout";
        }
        long wait = server.get().waitTimeout().effective();
        long below = wait - 1;
        long age = Math.min(600, below >= 120 ? below / 60 * 60 : below);
        return "set CONN_MAX_AGE = " + Math.max(age, 0) + " (below wait_timeout " + wait + " s of server "
                + server.get().id() + ")";
    }
}
