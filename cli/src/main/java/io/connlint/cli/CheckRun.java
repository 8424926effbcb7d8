package io.connlint.cli;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.finding.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.finding.Severity;
import io.connlint.core.check.Baseline;
import io.connlint.core.report.ConsoleReporter;
import io.connlint.core.report.Reporter;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code connlint check} does once its arguments are known, whichever parsed them
 * ({@link CheckCommand} through picocli, or {@link DirectCheck}); free of picocli types so that the
 * direct path loads no picocli class.
 */
final class CheckRun {

    private CheckRun() {
    }

    /**
     * Checks the project and writes the report; the exit code. {@code failOn} is a valid level;
     * {@code config}, {@code output} and {@code baseline} may be null.
     */
    static int check(Path dir, Path config, CheckCommand.Format format, Path output, String failOn, boolean quiet,
                     Path baseline, PrintWriter out, PrintWriter err) throws Exception {
        String level = failOn.toLowerCase(Locale.ROOT);
        Severity threshold = level.equals("never") ? null : Severity.parse(level).orElseThrow();
        LintRequest request = LintRequest.of(dir);
        if (config != null) {
            request = request.withConfigFile(config);
        }
        Baseline accepted = baseline == null ? null : Baseline.read(baseline);
        LintResult all = Linter.withDiscoveredRules().lint(request);
        Baseline.Applied applied = accepted == null ? null : accepted.apply(all);
        LintResult result = applied == null ? all : applied.result();
        String baselineLine = applied == null ? null : applied.summary(baseline.toString());

        PrintWriter stdout = out;
        boolean toConsole = format == CheckCommand.Format.console;
        Reporter reporter = toConsole
                ? new ConsoleReporter(quiet, output == null && ConsoleReporter.colourWanted(terminal(), System.getenv()))
                : Reporter.forFormat(format.name(), Main.version());
        Output.write(output, stdout, o -> {
            reporter.write(result, o);
            if (toConsole && baselineLine != null) {
                o.append(baselineLine).append('\n');
            }
        });
        if (output != null && !toConsole) {
            stdout.println(ConsoleReporter.summary(result));
        }
        if (baselineLine != null && (output != null || !toConsole)) {
            // beside a machine-readable report on standard output, the note goes to standard error
            PrintWriter note = output == null ? err : stdout;
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
