package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.OptionFileIssue;

/**
 * An option-file line the server refuses: mysqld stops at the first bad argument and does not
 * start, whatever later lines say. The facts come from the model (OptionFileReader for the file
 * structure, the server assembly's Refusals for names and values), checked against mariadbd; the
 * words are {@link OptionFileIssueText}'s.
 */
@LintRule(code = "CL504", name = "invalid-option-value",
        summary = "The server refuses an option-file line and does not start",
        severity = Severity.ERROR)
public final class InvalidOptionValue implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            for (OptionFileIssue issue : server.issues()) {
                if (issue.kind() == OptionFileIssue.Kind.REFUSED) {
                    context.report(OptionFileIssueText.message(issue) + " (server " + server.id() + ")")
                            .at(issue.at())
                            .help(OptionFileIssueText.help(issue))
                            .emit();
                }
            }
        }
    }
}
