package io.connlint.cli;

import io.connlint.core.finding.RuleInfo;
import io.connlint.core.rule.RuleRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule with its default severity.")
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (RuleInfo info : RuleRegistry.discover().infos()) {
            out.printf("%s  %-8s %-40s %s%n", info.code(), info.defaultSeverity().word(), info.name(), info.summary());
        }
        out.flush();
        return 0;
    }
}
