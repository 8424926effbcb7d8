package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;

/** Idle sessions hold a connection slot (and a thread) until wait_timeout closes them. */
@LintRule(code = "CL301", name = "wait-timeout-too-long",
        summary = "The server keeps idle connections open for longer than maxSeconds",
        severity = Severity.WARNING,
        options = @LintRule.Option(name = "maxSeconds", defaultValue = 900,
                description = "The longest wait_timeout, in seconds, that does not fire"))
public final class WaitTimeoutTooLong implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        TimeoutTooLong.check(model, context, ServerVariable.WAIT_TIMEOUT,
                "leaked and idle connections keep their slot of max_connections that long");
    }
}
