package io.connlint.rules.topology;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Note;

/**
 * What connlint could not know statically — an include outside the project, an engine nobody
 * declared, a file kind it does not read — and the assumption it made instead, said plainly.
 */
@LintRule(code = "CL704", name = "value-unresolved",
        summary = "A value cannot be known statically; the assumption made is stated",
        severity = Severity.INFO)
public final class ValueUnresolved implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (Note note : model.notes()) {
            context.report(note.text()).at(note.at()).emit();
        }
    }
}
