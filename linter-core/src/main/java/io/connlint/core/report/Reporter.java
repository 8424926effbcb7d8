package io.connlint.core.report;

import io.connlint.core.finding.LintResult;

import java.io.IOException;

/**
 * Renders a result. A reporter never computes: everything it shows is in the result. The formats
 * users can ask for are registered in {@link ReportFormats}.
 */
public interface Reporter {

    void write(LintResult result, Appendable out) throws IOException;
}
