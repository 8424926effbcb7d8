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
 * A pooled connection that lives longer than the server's wait_timeout is closed by the server
 * first; the pool then hands out a dead connection ("Communications link failure"). HikariCP:
 * maxLifetime "should be several seconds shorter than any database … imposed connection time limit".
 * Every pool library's lifetime (HikariCP maxLifetime, tomcat-jdbc maxAge, DBCP2
 * maxConnLifetimeMillis), in its own words; Django's per-thread connections are CL304's.
 */
@LintRule(code = "CL303", name = "pool-lifetime-exceeds-wait-timeout",
        summary = "A pool keeps connections longer than the server's wait_timeout allows",
        severity = Severity.ERROR,
        options = @LintRule.Option(name = "marginSeconds", defaultValue = 5,
                description = "How many seconds below wait_timeout maxLifetime must stay"))
public final class PoolLifetimeExceedsWaitTimeout implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        long margin = context.option("marginSeconds");
        for (DatabaseServer server : model.servers()) {
            Setting<Long> waitTimeout = server.waitTimeout();
            long waitMs = waitTimeout.effective() * 1000;
            long limitMs = waitMs - margin * 1000;
            for (ClientPool pool : model.poolsOf(server)) {
                if (pool.kind().perThread()) {
                    continue; // CL304's
                }
                Lifetimes.outliving(pool, limitMs)
                        .ifPresent(lifetime -> report(context, server, pool, lifetime, waitTimeout, margin, limitMs));
            }
        }
    }

    private static void report(RuleContext context, DatabaseServer server, ClientPool pool, PoolValue.Time value,
                               Setting<Long> waitTimeout, long margin, long limitMs) {
        Setting<Long> lifetime = value.setting();
        String name = lifetime.name();
        String kept = value.unlimited() ? lifetime.effective() + " (connections are never retired)"
                : Numbers.millis(value.millis());
        String message = "pool " + pool.id() + " keeps connections up to " + kept + ", but server " + server.id()
                + " closes idle ones after wait_timeout " + Numbers.seconds(waitTimeout.effective())
                + "; the pool will hand out dead connections";
        Optional<PoolValue.Time> keepalive = pool.time(PoolConcept.KEEPALIVE);
        boolean keptAlive = keepalive.map(k -> !k.unlimited() && k.millis() > 0
                && k.millis() < waitTimeout.effective() * 1000).orElse(false);
        RuleContext.Report report = context.report(message)
                .at(lifetime, pool.location())
                .arithmetic(name + " " + kept + (lifetime.isWritten() ? "" : " (" + lifetime.origin().describe() + ")")
                        + lifetime.reason().map(r -> "; written " + lifetime.value() + ", but " + r).orElse(""))
                .arithmetic("must be < wait_timeout " + waitTimeout.effective() + " s - margin " + margin + " s = "
                        + limitMs + " ms (wait_timeout: " + waitTimeout.origin().describe() + ")")
                .related(waitTimeout, "wait_timeout = " + waitTimeout.effective() + " on server " + server.id());
        if (keptAlive) {
            report.arithmetic(keepalive.get().setting().name() + " " + Numbers.millis(keepalive.get().millis())
                    + " pings idle connections before wait_timeout, so only connections busy longer than that are at risk");
            report.downgradedTo(Severity.WARNING);
        }
        Optional<Long> floor = value.limits().floor();
        if (limitMs > floor.orElse(0L)) {
            long suggested = suggestion(limitMs, floor.orElse(0L));
            report.help("set " + name + " to " + Numbers.millis(suggested) + ", below " + limitMs
                    + " ms, or raise wait_timeout on server " + server.id());
        } else if (floor.isPresent()) {
            report.help(pool.kind().library() + " accepts no " + name + " below " + floor.get() + " ms; raise"
                    + " wait_timeout on server " + server.id() + " to at least " + (floor.get() / 1000 + margin + 1) + " s");
        } else {
            report.help("raise wait_timeout on server " + server.id() + " to at least " + (margin + 1) + " s");
        }
        report.emit();
    }

    /**
     * A round value a little below the limit, and not below the least lifetime the library accepts:
     * whole minutes when the limit allows, else whole seconds.
     */
    static long suggestion(long limitMs, long floor) {
        long below = limitMs - 1;
        if (below >= 120_000) {
            return (below / 60_000) * 60_000;
        }
        return Math.max(floor, (below / 1000) * 1000);
    }
}
