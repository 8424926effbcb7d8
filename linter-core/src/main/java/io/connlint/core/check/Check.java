package io.connlint.core.check;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.Linter;
import io.connlint.core.finding.LintResult;
import io.connlint.core.report.ReportFormat;
import io.connlint.core.report.ReportOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check, as the CLI and the Maven goal both run it: lint, set the baseline's findings aside,
 * render the reports, and tell whether the threshold is reached. Where the reports go, what is
 * logged and how a failure ends (an exit code, a failed build) is the front end's.
 */
public final class Check {

    private final Linter linter;

    public Check(Linter linter) {
        this.linter = linter;
    }

    /** A check with every rule on the class path. */
    public static Check withDiscoveredRules() {
        return new Check(Linter.withDiscoveredRules());
    }

    /**
     * Runs the check. A baseline that is missing or broken is a
     * {@link io.connlint.core.engine.ConnlintException}, thrown before anything is linted.
     */
    public CheckOutcome run(CheckRequest request) {
        Optional<Baseline> accepted = request.baseline().map(Baseline::read);
        LintResult all = linter.lint(request.lint());
        Optional<Baseline.Applied> applied = accepted.map(b -> b.apply(all));
        LintResult result = applied.map(Baseline.Applied::result).orElse(all);
        return new CheckOutcome(all, applied, render(result, request.formats(), request.options()), request.failOn());
    }

    /** Every finding of the project, as a baseline that accepts them ({@code connlint baseline}). */
    public Baseline accept(LintRequest request) {
        return Baseline.of(linter.lint(request));
    }

    private static List<CheckOutcome.Report> render(LintResult result, List<ReportFormat> formats,
                                                    ReportOptions options) {
        List<CheckOutcome.Report> reports = new ArrayList<>();
        for (ReportFormat format : formats) {
            StringBuilder text = new StringBuilder();
            try {
                format.reporter(options).write(result, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringBuilder does not fail
            }
            reports.add(new CheckOutcome.Report(format, text.toString()));
        }
        return reports;
    }
}
