package io.connlint.cli;

import io.connlint.core.check.Baseline;
import io.connlint.core.check.Check;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Accept today's findings: write them to connlint-baseline.json, so that `check --baseline`"
                + " reports only new ones. Entries are keyed by rule, file and setting, not by line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the baseline was written", "2:connlint could not run (bad arguments, missing --config file,"
                + " the file cannot be written)"})
final class BaselineCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions project;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write the baseline (default: DIR/" + Baseline.FILE_NAME + ").")
    Path output;

    @Override
    public Integer call() throws Exception {
        Baseline baseline = Check.withDiscoveredRules().accept(project.request());
        Path file = output != null ? output : project.dir.resolve(Baseline.FILE_NAME);
        baseline.write(file, Main.version());
        int n = baseline.entries().size();
        spec.commandLine().getOut().println("connlint: wrote " + n + (n == 1 ? " finding" : " findings")
                + " to " + file + "; check with --baseline " + file);
        return 0;
    }
}
