package io.connlint.rules.meta;

import io.connlint.core.rule.AfterSuppressions;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Suppression;

/**
 * A suppression must say why, and must still silence something: otherwise it hides the next real
 * finding on that line, or documents a decision nobody can review.
 */
@LintRule(code = "CL902", name = "suppression-invalid",
        summary = "A connlint suppression has no reason, or silences nothing",
        severity = Severity.INFO)
public final class SuppressionInvalid implements AfterSuppressions {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (Suppression s : model.suppressions()) {
            String codes = String.join(", ", s.codes());
            if (!s.hasReason()) {
                context.report("'connlint: ignore[" + codes + "]' gives no reason, so it silences nothing")
                        .at(s.at())
                        .help("say why after the brackets: # connlint: ignore[" + codes + "] <reason>")
                        .emit();
            } else if (!s.used()) {
                context.report("'connlint: ignore[" + codes + "]' silences nothing: no " + codes
                                + " finding points at the line below it")
                        .at(s.at())
                        .help("remove it, or move it directly above the setting the finding points at")
                        .emit();
            }
        }
    }
}
