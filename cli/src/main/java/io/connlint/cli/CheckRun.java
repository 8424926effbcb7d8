package io.connlint.cli;

import io.connlint.core.check.Check;
import io.connlint.core.check.CheckOutcome;
import io.connlint.core.check.CheckRequest;
import io.connlint.core.check.FailOn;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.report.ConsoleReporter;
import io.connlint.core.report.ReportFormat;
import io.connlint.core.report.ReportFormats;
import io.connlint.core.report.ReportOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code connlint check} does once its arguments are known, whichever parsed them
 * ({@link CheckCommand} through picocli, or {@link DirectCheck}): the {@link Check} of core, its
 * one report written to standard output or {@code --output}, and the exit code. Free of picocli
 * types so that the direct path loads no picocli class.
 */
final class CheckRun {

    private CheckRun() {
    }

    /**
     * Checks the project and writes the report; the exit code. {@code config}, {@code output} and
     * {@code baseline} may be null.
     */
    static int check(Path dir, Path config, ReportFormat format, Path output, FailOn failOn, boolean quiet,
                     Path baseline, PrintWriter out, PrintWriter err) throws Exception {
        LintRequest request = LintRequest.of(dir);
        if (config != null) {
            request = request.withConfigFile(config);
        }
        boolean toConsole = format.id().equals(ReportFormats.CONSOLE);
        boolean colour = toConsole && output == null && ConsoleReporter.colourWanted(terminal(), System.getenv());
        CheckOutcome outcome = Check.withDiscoveredRules().run(new CheckRequest(request, Optional.ofNullable(baseline),
                List.of(format), new ReportOptions(Main.version(), quiet, colour), failOn));
        String baselineLine = outcome.baseline().map(applied -> applied.summary(baseline.toString())).orElse(null);

        PrintWriter stdout = out;
        String report = outcome.reports().get(0).text();
        Output.write(output, stdout, o -> {
            o.append(report);
            if (toConsole && baselineLine != null) {
                o.append(baselineLine).append('\n');
            }
        });
        if (output != null && !toConsole) {
            stdout.println(ConsoleReporter.summary(outcome.result()));
        }
        if (baselineLine != null && (output != null || !toConsole)) {
            // beside a machine-readable report on standard output, the note goes to standard error
            PrintWriter note = output == null ? err : stdout;
            note.println(baselineLine);
            note.flush();
        }
        return outcome.failed() ? Main.EXIT_FINDINGS : 0;
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
