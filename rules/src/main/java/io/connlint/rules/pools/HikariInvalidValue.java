package io.connlint.rules.pools;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.RejectedValue;

/**
 * HikariCP refuses some settings outright — an unknown or kebab-case key, a number it cannot
 * parse, a value its setter rejects — and the pool, with the application, does not start.
 */
@LintRule(code = "CL402", name = "hikari-invalid-value",
        summary = "A HikariCP setting makes the pool refuse to start",
        severity = Severity.ERROR)
public final class HikariInvalidValue implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool pool : model.pools()) {
            for (RejectedValue r : pool.rejected()) {
                RuleContext.Report report = context.report("HikariCP refuses " + r.key() + "=" + r.value()
                                + " and pool " + pool.id() + " does not start: " + r.why())
                        .at(r.at());
                r.fix().ifPresent(report::help);
                report.emit();
            }
        }
    }
}
