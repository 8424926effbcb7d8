package io.connlint.core.check;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.report.ReportFormat;
import io.connlint.core.report.ReportOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end asks a check for.
 *
 * @param lint     what to lint
 * @param baseline a baseline file whose findings are accepted, or empty
 * @param formats  the reports to render, in order (none for only the result)
 * @param options  how to render them
 * @param failOn   the lowest severity that fails the check
 */
public record CheckRequest(LintRequest lint, Optional<Path> baseline, List<ReportFormat> formats, ReportOptions options,
                           FailOn failOn) {

    public CheckRequest {
        Objects.requireNonNull(lint, "lint");
        Objects.requireNonNull(baseline, "baseline");
        formats = List.copyOf(formats);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(failOn, "failOn");
    }
}
