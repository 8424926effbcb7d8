package io.connlint.core.report;

import io.connlint.core.finding.LintResult;

import java.io.IOException;

/** Renders a result. A reporter never computes: everything it shows is in the result. */
public interface Reporter {

    void write(LintResult result, Appendable out) throws IOException;

    /** The reporter for a format name: {@code console}, {@code json}, {@code sarif}, {@code github}, {@code checkstyle}, {@code html}. */
    static Reporter forFormat(String format, String toolVersion) {
        return switch (format) {
            case "console" -> new ConsoleReporter(false);
            case "json" -> new JsonReporter(toolVersion);
            case "sarif" -> new SarifReporter(toolVersion);
            case "github" -> new GithubReporter();
            case "checkstyle" -> new CheckstyleReporter();
            case "html" -> new HtmlReporter(toolVersion);
            default -> throw new IllegalArgumentException("unknown format '" + format
                    + "'; expected console, json, sarif, github, checkstyle or html");
        };
    }

    /** The file-name extension of a format's report. */
    static String extension(String format) {
        return switch (format) {
            case "console" -> "txt";
            case "sarif" -> "sarif";
            case "github" -> "github.txt";
            case "checkstyle" -> "checkstyle.xml";
            default -> format;
        };
    }
}
