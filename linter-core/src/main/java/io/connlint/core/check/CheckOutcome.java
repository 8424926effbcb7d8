package io.connlint.core.check;

import io.connlint.core.finding.LintResult;
import io.connlint.core.report.ReportFormat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a check found and rendered; the front end decides where it goes and how it ends.
 *
 * @param all      every finding, before the baseline
 * @param baseline what the baseline left and hid, when one was given
 * @param reports  the requested reports of {@link #result()}, in the order asked
 * @param failOn   the threshold the check was asked for
 */
public record CheckOutcome(LintResult all, Optional<Baseline.Applied> baseline, List<Report> reports, FailOn failOn) {

    public CheckOutcome {
        reports = List.copyOf(reports);
    }

    /** One rendered report. */
    public record Report(ReportFormat format, String text) {

        /** Where a front end that writes one file per format puts it. */
        public String fileName() {
            return format.fileName();
        }

        /** The report as written to a file. */
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The findings the check reports: those not in the baseline. */
    public LintResult result() {
        return baseline.map(Baseline.Applied::result).orElse(all);
    }

    /** Whether a reported finding is at or above {@link #failOn}. */
    public boolean failed() {
        return failOn.failedBy(result());
    }

    /** How many reported findings are at or above {@link #failOn}. */
    public long failing() {
        return failOn.count(result());
    }
}
