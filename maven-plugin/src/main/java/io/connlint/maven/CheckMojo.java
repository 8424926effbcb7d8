package io.connlint.maven;

import io.connlint.core.engine.ConnlintException;
import io.connlint.core.engine.Finding;
import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.engine.Severity;
import io.connlint.core.report.Baseline;
import io.connlint.core.report.ConsoleReporter;
import io.connlint.core.report.GithubReporter;
import io.connlint.core.report.ReportFiles;
import io.connlint.core.report.Reporter;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the connection budget: every server's option files and every app's pool settings,
 * against the budget and timeout rules. The budget is a sum over the whole reactor, so the check
 * runs once per build, over the top-most project and every module under it, however many
 * modules execute this goal. Findings are logged in {@code path:line:col} form and written as
 * reports; findings at or above {@link #failOn} fail the build.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends AbstractMojo {

    /** Session data key marking that this build's reactor has been checked; a string so every plugin realm agrees. */
    static final String CHECKED_KEY = "io.connlint.maven.CheckMojo.checkedReactor";

    private static final List<String> FORMATS = List.of("console", "sarif", "json", "checkstyle", "github", "html");

    /** Skips the check. */
    @Parameter(property = "connlint.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info}, or
     * {@code never} to only report.
     */
    @Parameter(property = "connlint.failOn", defaultValue = "error")
    private String failOn;

    /**
     * The reports to write to {@link #outputDirectory}, comma-separated: {@code console}
     * ({@code connlint.txt}, the log's text), {@code sarif} ({@code connlint.sarif}, SARIF 2.1.0
     * for code scanning), {@code json} ({@code connlint.json}), {@code checkstyle}
     * ({@code connlint.checkstyle.xml}, for Jenkins warnings-ng), {@code github}
     * ({@code connlint.github.txt}, and the annotations printed on standard output at the start of
     * their lines, where GitHub Actions reads them), {@code html} ({@code connlint.html}, the
     * budget drawn); {@code none} writes no report. The findings
     * are logged either way. Each report is written whole or not at all.
     */
    @Parameter(property = "connlint.formats", defaultValue = "console,sarif")
    private String formats;

    /** Where the reports go; the check runs in one project per build, normally the top-most one. */
    @Parameter(property = "connlint.outputDirectory", defaultValue = "${project.build.directory}/connlint")
    private File outputDirectory;

    /**
     * The connlint.yml that declares servers and apps. Default: {@code connlint.yml} in the
     * top-most project's directory if it exists, else connlint discovers {@code *.cnf} and
     * {@code hikari*.properties} files. A file named here must exist.
     */
    @Parameter(property = "connlint.configFile")
    private File configFile;

    /**
     * A baseline written by {@code mvn connlint:baseline} (or {@code connlint baseline}): findings
     * in it are neither logged nor reported nor fail the build; the log says how many there were
     * and which are gone. A file named here must exist.
     */
    @Parameter(property = "connlint.baseline")
    private File baseline;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The plugin's version, named as the tool version in the SARIF and JSON reports. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /** Where GitHub Actions annotations go: standard output, past Maven's logger and its level prefix. */
    PrintStream annotations = System.out;

    /** The environment, read for {@code GITHUB_ACTIONS}. */
    Map<String, String> environment = System.getenv();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("connlint: skipped (connlint.skip)");
            return;
        }
        Optional<Severity> threshold = threshold();
        List<String> reports = reportFormats();
        Reactor reactor = Reactor.of(session, project, getLog());
        if (!reactor.claim(session, CHECKED_KEY)) {
            getLog().debug("connlint: checked once for the reactor at " + reactor.root());
            return;
        }

        // a report from an earlier build must not pass for this one's if this run fails
        deleteReports(reports);
        LintResult result;
        Baseline.Applied applied = null;
        try {
            Baseline accepted = baseline == null ? null : Baseline.read(baseline.toPath());
            result = Linter.withDiscoveredRules().lint(reactor.request(configFile));
            if (accepted != null) {
                applied = accepted.apply(result);
                result = applied.result();
            }
        } catch (ConnlintException e) {
            // Bad input from the user (a configFile or baseline that does not exist): the message says it all.
            throw new MojoExecutionException("connlint: " + e.getMessage());
        }

        for (Finding f : result.findings()) {
            log(f);
        }
        if (reports.contains("github") || "true".equals(environment.get("GITHUB_ACTIONS"))) {
            // A workflow command must start its line: Maven's logger would prefix "[ERROR] ".
            for (Finding f : result.findings()) {
                annotations.println(GithubReporter.annotation(f));
            }
            annotations.flush();
        }
        getLog().info(ConsoleReporter.summary(result));
        if (applied != null) {
            getLog().info(applied.summary(reactor.display(baseline.toPath())));
            for (Baseline.Entry gone : applied.gone()) {
                getLog().info("    gone: " + gone.describe());
            }
        }
        List<Path> written = write(result, reports);

        if (threshold.isPresent() && result.hasFindingsAtLeast(threshold.get())) {
            long n = result.countAtLeast(threshold.get());
            String where = written.isEmpty() ? "the log above" : reactor.display(written.get(0));
            throw new MojoFailureException("connlint: " + n + " finding" + (n == 1 ? "" : "s") + " at or above "
                    + threshold.get().word() + "; see " + where);
        }
    }

    private Optional<Severity> threshold() throws MojoExecutionException {
        String level = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        if (level.equals("never")) {
            return Optional.empty();
        }
        Optional<Severity> parsed = Severity.parse(level);
        if (parsed.isEmpty()) {
            throw new MojoExecutionException("connlint: failOn (connlint.failOn) must be error, warning, info or never;"
                    + " found '" + failOn + "'");
        }
        return parsed;
    }

    private List<String> reportFormats() throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        for (String f : (formats == null ? "" : formats).split(",")) {
            String format = f.trim().toLowerCase(Locale.ROOT);
            if (format.isEmpty() || format.equals("none")) {
                continue;
            }
            if (!FORMATS.contains(format)) {
                throw new MojoExecutionException("connlint: formats (connlint.formats) takes "
                        + String.join(", ", FORMATS) + " or none; found '" + f.trim() + "'");
            }
            out.add(format);
        }
        return List.copyOf(out);
    }

    private void log(Finding f) {
        Log log = getLog();
        for (String line : ConsoleReporter.lines(f)) {
            switch (f.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                case INFO -> log.info(line);
            }
        }
    }

    private void deleteReports(List<String> reports) throws MojoExecutionException {
        for (String format : reports) {
            Path file = outputDirectory.toPath().resolve("connlint." + Reporter.extension(format));
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new MojoExecutionException("connlint: could not remove the old " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Each report into a temporary file, then moved into place: none is ever left half-written. */
    private List<Path> write(LintResult result, List<String> reports) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        Path dir = outputDirectory.toPath();
        for (String format : reports) {
            Path file = dir.resolve("connlint." + Reporter.extension(format));
            try {
                Reporter reporter = Reporter.forFormat(format, pluginVersion == null ? "unknown" : pluginVersion);
                ReportFiles.write(file, out -> reporter.write(result, out));
            } catch (IOException e) {
                throw new MojoExecutionException("connlint: could not write " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }
}
