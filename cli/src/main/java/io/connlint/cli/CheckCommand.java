package io.connlint.cli;

import io.connlint.core.finding.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a project: servers' option files and apps' pools, against the budget and timeout rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on",
                "2:connlint could not run (bad arguments, missing --config or --baseline file)"})
final class CheckCommand implements Callable<Integer> {

    enum Format { console, sarif, json, github, checkstyle, html }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions project;

    @Option(names = "--format", defaultValue = "console", description = "console, sarif, json, github (GitHub Actions annotations),"
            + " checkstyle (XML for Jenkins warnings-ng) or html (a self-contained page with the budget drawn)"
            + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
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
        String level = failOn.toLowerCase(Locale.ROOT);
        if (!level.equals("never") && Severity.parse(level).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on must be error, warning, info or never; found '" + failOn + "'");
        }
        return CheckRun.check(project.dir, project.config, format, output, failOn, quiet, baseline,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
