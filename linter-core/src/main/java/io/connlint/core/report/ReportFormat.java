package io.connlint.core.report;

import java.util.Objects;
import java.util.function.Function;

/**
 * An output format: the name users give ({@code --format}, {@code connlint.formats}), the file
 * its report is written to when a front end writes one per format, and its reporter. The formats
 * there are, and their order, are {@link ReportFormats}'s.
 *
 * @param id       the name users write, lower case
 * @param fileName the report's file name in the Maven goal's output directory
 * @param reporter makes the reporter for the options a front end asks for
 */
public record ReportFormat(String id, String fileName, Function<ReportOptions, Reporter> reporter) {

    public ReportFormat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(reporter, "reporter");
    }

    /** The reporter for these options. */
    public Reporter reporter(ReportOptions options) {
        return reporter.apply(options);
    }

    @Override
    public String toString() {
        return id;
    }
}
