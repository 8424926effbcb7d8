package io.connlint.cli;

import io.connlint.core.check.FailOn;
import io.connlint.core.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a project: servers' option files and apps' pools, against the budget and timeout rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on",
                "2:connlint could not run (bad arguments, missing --config or --baseline file)"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions project;

    @Option(names = "--format", defaultValue = "console", converter = FormatOption.class,
            completionCandidates = FormatOption.class, description = "console, sarif, json, github (GitHub Actions annotations),"
            + " checkstyle (XML for Jenkins warnings-ng) or html (a self-contained page with the budget drawn)"
            + " (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL", completionCandidates = FailOnOption.class,
            description = "error, warning, info or never: exit 1 when a finding is at or above it (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = {"-q", "--quiet"}, description = "Console: only the first line of each finding and the summary.")
    boolean quiet;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings not in this baseline (written by `connlint baseline`), and say how many"
                    + " baselined ones are gone.")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        FailOn level = FailOn.parse(failOn).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--fail-on must be " + FailOn.choices() + "; found '" + failOn + "'"));
        return CheckRun.check(project.dir, project.config, format, output, level, quiet, baseline,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
