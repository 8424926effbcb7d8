package io.connlint.cli;

import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.engine.Severity;
import io.connlint.core.report.Baseline;
import io.connlint.core.report.ConsoleReporter;
import io.connlint.core.report.Reporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a project: servers' option files and apps' pools, against the budget and timeout rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on",
                "2:connlint could not run (bad arguments, missing --config or --baseline file)"})
final class CheckCommand implements Callable<Integer> {

    enum Format { console, sarif, json, github, checkstyle }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions project;

    @Option(names = "--format", defaultValue = "console", description = "console, sarif, json, github (GitHub Actions annotations)"
            + " or checkstyle (XML for Jenkins warnings-ng) (default: ${DEFAULT-VALUE}).")
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
        Severity threshold = null;
        String level = failOn.toLowerCase(Locale.ROOT);
        if (!level.equals("never")) {
            threshold = Severity.parse(level).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on must be error, warning, info or never; found '" + failOn + "'"));
        }
        Baseline accepted = baseline == null ? null : Baseline.read(baseline);
        LintResult all = Linter.withDiscoveredRules().lint(project.request());
        Baseline.Applied applied = accepted == null ? null : accepted.apply(all);
        LintResult result = applied == null ? all : applied.result();
        String baselineLine = applied == null ? null : applied.summary(baseline.toString());

        PrintWriter stdout = spec.commandLine().getOut();
        boolean toConsole = format == Format.console;
        Reporter reporter = toConsole
                ? new ConsoleReporter(quiet, output == null && ConsoleReporter.colourWanted(terminal(), System.getenv()))
                : Reporter.forFormat(format.name(), Main.version());
        Output.write(output, stdout, out -> {
            reporter.write(result, out);
            if (toConsole && baselineLine != null) {
                out.append(baselineLine).append('\n');
            }
        });
        if (output != null && !toConsole) {
            stdout.println(ConsoleReporter.summary(result));
        }
        if (baselineLine != null && (output != null || !toConsole)) {
            // beside a machine-readable report on standard output, the note goes to standard error
            PrintWriter note = output == null ? spec.commandLine().getErr() : stdout;
            note.println(baselineLine);
            note.flush();
        }
        return threshold != null && result.hasFindingsAtLeast(threshold) ? Main.EXIT_FINDINGS : 0;
    }

    /**
     * Whether standard output is a terminal. Up to JDK 21 a console exists only then; from JDK 22
     * {@code System.console()} may exist for redirected output too, and {@code Console.isTerminal()}
     * (JDK 22 API docs) tells.
     */
    private static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
