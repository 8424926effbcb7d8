package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;

import java.util.Optional;

/**
 * A pooled connection that lives longer than the server's wait_timeout is closed by the server
 * first; the pool then hands out a dead connection ("Communications link failure"). HikariCP:
 * maxLifetime "should be several seconds shorter than any database … imposed connection time limit".
 */
@LintRule(code = "CL303", name = "pool-lifetime-exceeds-wait-timeout",
        summary = "A pool keeps connections longer than the server's wait_timeout allows",
        severity = Severity.ERROR,
        options = @LintRule.Option(name = "marginSeconds", defaultValue = 5,
                description = "How many seconds below wait_timeout maxLifetime must stay"))
public final class PoolLifetimeExceedsWaitTimeout implements Rule {

    /** HikariCP refuses a maxLifetime below 30 s and runs with 30 min instead. */
    private static final long HIKARI_MIN_LIFETIME_MS = 30_000;

    @Override
    public void check(Deployment model, RuleContext context) {
        long margin = context.option("marginSeconds");
        for (DatabaseServer server : model.servers()) {
            Setting<Long> waitTimeout = server.waitTimeout();
            long waitMs = waitTimeout.effective() * 1000;
            long limitMs = waitMs - margin * 1000;
            for (ClientPool pool : model.poolsOf(server)) {
                Optional<Setting<Long>> lifetime = pool.longSetting(ClientPool.MAX_LIFETIME);
                if (lifetime.isEmpty()) {
                    continue;
                }
                long life = lifetime.get().effective();
                if (life != 0 && life < limitMs) {
                    continue;
                }
                report(context, server, pool, lifetime.get(), waitTimeout, margin, limitMs);
            }
        }
    }

    private static void report(RuleContext context, DatabaseServer server, ClientPool pool, Setting<Long> lifetime,
                               Setting<Long> waitTimeout, long margin, long limitMs) {
        long life = lifetime.effective();
        String lifeText = life == 0 ? "maxLifetime 0 (connections are never retired)" : "maxLifetime " + Numbers.millis(life);
        String message = "pool " + pool.id() + " keeps connections up to " + lifeText.replace("maxLifetime ", "")
                + ", but server " + server.id() + " closes idle ones after wait_timeout "
                + Numbers.seconds(waitTimeout.effective()) + "; the pool will hand out dead connections";
        Optional<Setting<Long>> keepalive = pool.longSetting(ClientPool.KEEPALIVE_TIME);
        boolean keptAlive = keepalive.map(k -> k.effective() > 0 && k.effective() < waitTimeout.effective() * 1000)
                .orElse(false);
        RuleContext.Report report = context.report(message)
                .at(lifetime, pool.location())
                .arithmetic(lifeText + (lifetime.isWritten() ? "" : " (" + lifetime.origin().describe() + ")")
                        + lifetime.reason().map(r -> "; written " + lifetime.value() + ", but " + r).orElse(""))
                .arithmetic("must be < wait_timeout " + waitTimeout.effective() + " s - margin " + margin + " s = "
                        + limitMs + " ms (wait_timeout: " + waitTimeout.origin().describe() + ")")
                .related(waitTimeout, "wait_timeout = " + waitTimeout.effective() + " on server " + server.id());
        if (keptAlive) {
            report.arithmetic("keepaliveTime " + Numbers.millis(keepalive.get().effective())
                    + " pings idle connections before wait_timeout, so only connections busy longer than that are at risk");
            report.downgradedTo(Severity.WARNING);
        }
        if (limitMs > HIKARI_MIN_LIFETIME_MS) {
            long suggested = suggestion(limitMs);
            report.help("set maxLifetime to " + Numbers.millis(suggested) + ", below " + limitMs
                    + " ms, or raise wait_timeout on server " + server.id());
        } else {
            report.help("HikariCP accepts no maxLifetime below 30000 ms; raise wait_timeout on server " + server.id()
                    + " to at least " + (HIKARI_MIN_LIFETIME_MS / 1000 + margin + 1) + " s");
        }
        report.emit();
    }

    /** A round value a little below the limit: whole minutes when the limit allows, else whole seconds. */
    static long suggestion(long limitMs) {
        long below = limitMs - 1;
        if (below >= 120_000) {
            return (below / 60_000) * 60_000;
        }
        return Math.max(HIKARI_MIN_LIFETIME_MS, (below / 1000) * 1000);
    }

}
