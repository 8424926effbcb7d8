package io.connlint.cli;

import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleDocs;
import io.connlint.core.rule.RuleRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's documentation.")
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "A rule code (CL101) or name (pool-budget-exceeded).")
    String code;

    @Override
    public Integer call() {
        for (Rule rule : RuleRegistry.discover().rules()) {
            if (rule.info().code().equalsIgnoreCase(code) || rule.info().name().equals(code)) {
                spec.commandLine().getOut().print(RuleDocs.page(rule));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "no rule '" + code
                + "'; 'connlint rules' lists them");
    }
}
