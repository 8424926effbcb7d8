package io.connlint.cli;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.engine.Severity;
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

    /** Checks the project and writes the report; the exit code. {@code failOn} is a valid level. */
    static int check(Path dir, Path config, CheckCommand.Format format, Path output, String failOn, boolean quiet,
                     PrintWriter out)
            throws Exception {
        String level = failOn.toLowerCase(Locale.ROOT);
        Severity threshold = level.equals("never") ? null : Severity.parse(level).orElseThrow();
        LintRequest request = LintRequest.of(dir);
        if (config != null) {
            request = request.withConfigFile(config);
        }
        LintResult result = Linter.withDiscoveredRules().lint(request);
        Reporter reporter = format == CheckCommand.Format.console ? new ConsoleReporter(quiet)
                : Reporter.forFormat(format.name(), Main.version());
        Output.write(output, out, o -> reporter.write(result, o));
        if (output != null && format != CheckCommand.Format.console) {
            out.println(ConsoleReporter.summary(result));
        }
        return threshold != null && result.hasFindingsAtLeast(threshold) ? Main.EXIT_FINDINGS : 0;
    }
}
