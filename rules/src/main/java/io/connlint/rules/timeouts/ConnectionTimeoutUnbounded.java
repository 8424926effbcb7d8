package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;

import java.util.Optional;

/**
 * When the pool is exhausted, a request waits connectionTimeout for a connection. Waiting forever
 * (or long) turns a full pool into hung threads and a cascading outage instead of a fast error.
 * For every pool library's acquisition timeout (HikariCP connectionTimeout, tomcat-jdbc maxWait,
 * DBCP2 maxWaitMillis), in its words.
 */
@LintRule(code = "CL305", name = "connection-timeout-unbounded",
        summary = "A pool waits forever, or longer than maxMillis, for a free connection",
        severity = Severity.WARNING,
        options = @LintRule.Option(name = "maxMillis", defaultValue = 30000,
                description = "The longest connection wait, in ms, that does not fire"))
public final class ConnectionTimeoutUnbounded implements Rule {

    /** HikariCP runs connectionTimeout 0 as Integer.MAX_VALUE ms. */
    private static final long FOREVER = Integer.MAX_VALUE;

    @Override
    public void check(Deployment model, RuleContext context) {
        long max = context.option("maxMillis");
        for (ClientPool pool : model.pools()) {
            Optional<PoolValue.Time> timeout = pool.time(PoolConcept.ACQUISITION_TIMEOUT);
            if (timeout.isEmpty()) {
                continue;
            }
            Setting<Long> t = timeout.get().setting();
            long ms = timeout.get().millis();
            boolean forever = timeout.get().unlimited() || ms < 0 || ms >= FOREVER;
            if (!forever && ms <= max) {
                continue;
            }
            String how = forever ? "waits forever (" + t.name() + " = " + t.raw() + ")"
                    : "waits up to " + Numbers.millis(ms);
            context.report("when pool " + pool.id() + " is exhausted, a request " + how
                            + " for a connection instead of failing fast")
                    .at(t, pool.location())
                    .arithmetic(!forever ? t.name() + " " + ms + " ms > maxMillis " + max + " ms"
                            : ms >= FOREVER || ms < 0 ? t.name() + " " + t.raw() + " runs as " + ms + " ms: no limit"
                            : t.name() + " " + t.raw() + " means no limit to " + pool.kind().library())
                    .help("set " + t.name() + " to a few seconds (e.g. 3000 ms), at most " + max + " ms")
                    .emit();
        }
    }
}
