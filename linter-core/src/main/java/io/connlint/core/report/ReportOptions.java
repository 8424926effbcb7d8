package io.connlint.core.report;

/**
 * How a front end wants its reports rendered; a reporter reads what applies to it.
 *
 * @param toolVersion the version named in the SARIF, JSON and HTML reports
 * @param quiet       console: only the first line of each finding and the summary
 * @param colour      console: the severity and rule code in ANSI colours
 */
public record ReportOptions(String toolVersion, boolean quiet, boolean colour) {

    public ReportOptions {
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
    }

    /** Plain reports naming {@code toolVersion}: what a report file holds. */
    public static ReportOptions of(String toolVersion) {
        return new ReportOptions(toolVersion, false, false);
    }
}
