package io.connlint.rules.timeouts;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;

/** Interactive clients (the mysql shell, GUI tools) get interactive_timeout instead of wait_timeout. */
@LintRule(code = "CL302", name = "interactive-timeout-too-long",
        summary = "The server keeps idle interactive sessions open for longer than maxSeconds",
        severity = Severity.INFO,
        options = @LintRule.Option(name = "maxSeconds", defaultValue = 900,
                description = "The longest interactive_timeout, in seconds, that does not fire"))
public final class InteractiveTimeoutTooLong implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        TimeoutTooLong.check(model, context, ServerVariable.INTERACTIVE_TIMEOUT,
                "a forgotten shell or GUI session keeps its slot of max_connections that long");
    }
}
