package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;

/**
 * When the pool is exhausted, a request waits connectionTimeout for a connection. Waiting forever
 * (or long) turns a full pool into hung threads and a cascading outage instead of a fast error.
 */
@LintRule(code = "CL305", name = "connection-timeout-unbounded",
        summary = "A pool waits forever, or longer than maxMillis, for a free connection",
        severity = Severity.WARNING,
        options = @LintRule.Option(name = "maxMillis", defaultValue = 30000,
                description = "The longest connection wait, in ms, that does not fire"))
public final class ConnectionTimeoutUnbounded implements Rule {

    private static final long FOREVER = Integer.MAX_VALUE;

    @Override
    public void check(Deployment model, RuleContext context) {
        long max = context.option("maxMillis");
        for (ClientPool pool : model.pools()) {
            var timeout = pool.longSetting(ClientPool.CONNECTION_TIMEOUT);
            if (timeout.isEmpty()) {
                continue;
            }
            Setting<Long> t = timeout.get();
            boolean forever = t.effective() < 0 || t.effective() >= FOREVER;
            if (!forever && t.effective() <= max) {
                continue;
            }
            String how = forever ? "waits forever (" + t.name() + " = " + t.raw() + ")"
                    : "waits up to " + Numbers.millis(t.effective());
            context.report("when pool " + pool.id() + " is exhausted, a request " + how
                            + " for a connection instead of failing fast")
                    .at(t, pool.location())
                    .arithmetic(forever ? t.name() + " " + t.raw() + " runs as " + t.effective() + " ms: no limit"
                            : t.name() + " " + t.effective() + " ms > maxMillis " + max + " ms")
                    .help("set " + t.name() + " to a few seconds (e.g. 3000 ms), at most " + max + " ms")
                    .emit();
        }
    }
}
