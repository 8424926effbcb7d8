package io.connlint.cli;

import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.engine.Severity;
import io.connlint.core.report.ConsoleReporter;
import io.connlint.core.report.Reporter;
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
                "2:connlint could not run (bad arguments, missing --config file)"})
final class CheckCommand implements Callable<Integer> {

    enum Format { console, sarif, json, github, html }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions project;

    @Option(names = "--format", defaultValue = "console", description = "console, sarif, json, github (GitHub Actions annotations) or html (a self-contained page with the budget drawn) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "error, warning, info or never: exit 1 when a finding is at or above it (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = {"-q", "--quiet"}, description = "Console: only the first line of each finding and the summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Severity threshold = null;
        String level = failOn.toLowerCase(Locale.ROOT);
        if (!level.equals("never")) {
            threshold = Severity.parse(level).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on must be error, warning, info or never; found '" + failOn + "'"));
        }
        LintResult result = Linter.withDiscoveredRules().lint(project.request());
        Reporter reporter = format == Format.console ? new ConsoleReporter(quiet)
                : Reporter.forFormat(format.name(), Main.version());
        Output.write(output, spec.commandLine().getOut(), out -> reporter.write(result, out));
        if (output != null && format != Format.console) {
            spec.commandLine().getOut().println(ConsoleReporter.summary(result));
        }
        return threshold != null && result.hasFindingsAtLeast(threshold) ? Main.EXIT_FINDINGS : 0;
    }
}
