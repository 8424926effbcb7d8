package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.OptionFileIssue;

/**
 * An option file (or the rest of one) the server skips with at most a line in its log: a
 * world-writable file, a non-.cnf file in an includedir, a missing {@code !include}, an included
 * file without a group header. Its settings look configured and are not.
 */
@LintRule(code = "CL507", name = "option-file-ignored",
        summary = "The server does not read an option file, or the rest of one",
        severity = Severity.WARNING)
public final class OptionFileIgnored implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            for (OptionFileIssue issue : server.issues()) {
                if (issue.kind() == OptionFileIssue.Kind.FILE_IGNORED) {
                    context.report(OptionFileIssueText.message(issue) + " (server " + server.id() + ")")
                            .at(issue.at())
                            .help(OptionFileIssueText.help(issue))
                            .emit();
                }
            }
        }
    }
}
