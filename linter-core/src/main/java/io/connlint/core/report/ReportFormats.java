package io.connlint.core.report;

import java.util.List;
import java.util.Optional;

/**
 * Every output format, in the order messages list them: the one registration list of reporters.
 * A new format is its {@link Reporter}, its test and one line here; the CLI's {@code --format}
 * and the Maven goal's {@code formats} take every format listed.
 */
public final class ReportFormats {

    /** The id of the console format: the CLI's default, the one that colours and goes quiet. */
    public static final String CONSOLE = "console";
    /** The id of the GitHub Actions format, whose annotations the Maven goal also prints. */
    public static final String GITHUB = "github";
    /** The id of the HTML page, which {@code mvn site} also shows. */
    public static final String HTML = "html";

    private static final List<ReportFormat> ALL = List.of(
            new ReportFormat(CONSOLE, "connlint.txt", o -> new ConsoleReporter(o.quiet(), o.colour())),
            new ReportFormat("sarif", "connlint.sarif", o -> new SarifReporter(o.toolVersion())),
            new ReportFormat("json", "connlint.json", o -> new JsonReporter(o.toolVersion())),
            new ReportFormat("checkstyle", "connlint.checkstyle.xml", o -> new CheckstyleReporter()),
            new ReportFormat(GITHUB, "connlint.github.txt", o -> new GithubReporter()),
            new ReportFormat(HTML, "connlint.html", o -> new HtmlReporter(o.toolVersion())));

    private ReportFormats() {
    }

    /** Every format, in order. */
    public static List<ReportFormat> all() {
        return ALL;
    }

    /** Every format's id, in order. */
    public static List<String> ids() {
        return ALL.stream().map(ReportFormat::id).toList();
    }

    /** The format with this id, exactly as written (ids are lower case). */
    public static Optional<ReportFormat> find(String id) {
        for (ReportFormat f : ALL) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format with this id, which must exist. */
    public static ReportFormat get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown format '" + id + "'; expected "
                + String.join(", ", ids())));
    }
}
