package io.connlint.maven;

import io.connlint.core.check.Baseline;
import io.connlint.core.check.Check;
import io.connlint.core.check.CheckOutcome;
import io.connlint.core.check.CheckRequest;
import io.connlint.core.check.FailOn;
import io.connlint.core.engine.ConnlintException;
import io.connlint.core.engine.ProjectSnapshot;
import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.report.ConsoleReporter;
import io.connlint.core.report.GithubReporter;
import io.connlint.core.report.ReportFiles;
import io.connlint.core.report.ReportFormat;
import io.connlint.core.report.ReportFormats;
import io.connlint.core.report.ReportOptions;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, aggregator = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends AbstractMojo {

    /** Session data key marking that this build's reactor has been checked; a string so every plugin realm agrees. */
    static final String CHECKED_KEY = "io.connlint.maven.CheckMojo.checkedReactor";

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

    /**
     * Whether a build may repeat the last check's outcome when nothing the check reads has
     * changed: the names of the entries of every directory under the top-most project (but
     * those every walk skips, such as {@code target} and names starting with {@code .}), the
     * attributes of every file the last check looked at, the named connlint.yml and baseline,
     * the goal's parameters and the plugin's jar. The check runs again whenever any of them
     * differs; nothing is kept when it looked where that description does not reach (a path
     * outside the project or under a skipped directory, a link leading out). The outcome is
     * kept in {@code check.cache} in {@link #outputDirectory}. {@code false} checks every time.
     */
    @Parameter(property = "connlint.cache", defaultValue = "true")
    private boolean cache;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("connlint: skipped (connlint.skip)");
            return;
        }
        FailOn threshold = threshold();
        List<ReportFormat> reports = reportFormats();
        Reactor reactor = Reactor.of(session, project, getLog());
        if (!reactor.claim(session, CHECKED_KEY)) {
            getLog().debug("connlint: checked once for the reactor at " + reactor.root());
            return;
        }

        Path cacheFile = outputDirectory.toPath().resolve(CheckCache.FILE_NAME);
        List<Path> named = new ArrayList<>();
        if (configFile != null) {
            named.add(configFile.toPath());
        }
        if (baseline != null) {
            named.add(baseline.toPath());
        }
        List<Path> excluded = List.of(outputDirectory.toPath());
        Instant started = Instant.now();
        CachedCheck cached = null;
        if (cache) {
            cached = new CachedCheck(started, cacheFile, cacheKey(reactor, reports, threshold), reactor, excluded, named,
                    getLog());
            Optional<CheckCache.Outcome> kept = cached.kept();
            if (kept.isPresent()) {
                CachedCheck.repeat(kept.get(), getLog(), annotations, outputDirectory.toPath());
                return;
            }
        }

        // a report from an earlier build must not pass for this one's if this run fails
        deleteReports(reports);
        deleteCache(cacheFile);
        ProjectSnapshot.Coverage coverage = ProjectSnapshot.coverage(reactor.root(), excluded, named);
        Transcript out = new Transcript(getLog(), annotations);
        CheckOutcome outcome;
        try {
            outcome = Check.withDiscoveredRules().run(new CheckRequest(reactor.request(configFile).withWatch(coverage),
                    Optional.ofNullable(baseline).map(File::toPath), reports, ReportOptions.of(pluginVersion), threshold));
        } catch (ConnlintException e) {
            // Bad input from the user (a configFile or baseline that does not exist): the message says it all.
            throw new MojoExecutionException("connlint: " + e.getMessage());
        }
        LintResult result = outcome.result();

        for (Finding f : result.findings()) {
            log(out, f);
        }
        if (reports.stream().anyMatch(f -> f.id().equals(ReportFormats.GITHUB))
                || "true".equals(environment.get("GITHUB_ACTIONS"))) {
            // A workflow command must start its line: Maven's logger would prefix "[ERROR] ".
            for (Finding f : result.findings()) {
                out.annotate(GithubReporter.annotation(f));
            }
            annotations.flush();
        }
        out.log('I', ConsoleReporter.summary(result));
        if (outcome.baseline().isPresent()) {
            Baseline.Applied applied = outcome.baseline().get();
            out.log('I', applied.summary(reactor.display(baseline.toPath())));
            for (Baseline.Entry gone : applied.gone()) {
                out.log('I', "    gone: " + gone.describe());
            }
        }
        List<CheckCache.Report> written = write(outcome.reports());

        Optional<String> failure = Optional.empty();
        if (outcome.failed()) {
            long n = outcome.failing();
            String where = written.isEmpty() ? "the log above"
                    : reactor.display(outputDirectory.toPath().resolve(written.get(0).fileName()));
            failure = Optional.of("connlint: " + n + " finding" + (n == 1 ? "" : "s") + " at or above "
                    + threshold.word() + "; see " + where);
        }
        if (cached != null) {
            cached.keep(coverage, new CheckCache.Outcome(out.logged(), out.annotations(), written, failure));
        }
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
    }

    /** Everything besides the files that decides what the check logs, writes and fails on. */
    private String cacheKey(Reactor reactor, List<ReportFormat> reports, FailOn threshold) {
        StringBuilder modules = new StringBuilder();
        for (MavenProject p : reactor.projects()) {
            modules.append(Reactor.dir(p)).append(';');
        }
        return String.join("\n", "root=" + reactor.root(),
                "modules=" + modules,
                "configFile=" + (configFile == null ? "" : configFile.getAbsolutePath()),
                "baseline=" + (baseline == null ? "" : baseline.getAbsolutePath()),
                "failOn=" + threshold.word(),
                "formats=" + reports.stream().map(ReportFormat::id).toList(),
                "outputDirectory=" + outputDirectory.getAbsolutePath(),
                "pluginVersion=" + pluginVersion,
                "GITHUB_ACTIONS=" + environment.get("GITHUB_ACTIONS"),
                "java=" + System.getProperty("java.vm.version"),
                "code=" + CheckCache.codeIdentity(CheckMojo.class, Check.class));
    }

    private void deleteCache(Path cacheFile) throws MojoExecutionException {
        try {
            Files.deleteIfExists(cacheFile);
        } catch (IOException e) {
            throw new MojoExecutionException("connlint: could not remove the old " + cacheFile + ": " + e.getMessage(), e);
        }
    }

    private FailOn threshold() throws MojoExecutionException {
        Optional<FailOn> parsed = FailOn.parse(failOn == null ? "error" : failOn);
        if (parsed.isEmpty()) {
            throw new MojoExecutionException("connlint: failOn (connlint.failOn) must be " + FailOn.choices() + ";"
                    + " found '" + failOn + "'");
        }
        return parsed.get();
    }

    private List<ReportFormat> reportFormats() throws MojoExecutionException {
        Set<ReportFormat> out = new LinkedHashSet<>();
        for (String f : (formats == null ? "" : formats).split(",")) {
            String format = f.trim().toLowerCase(Locale.ROOT);
            if (format.isEmpty() || format.equals("none")) {
                continue;
            }
            Optional<ReportFormat> known = ReportFormats.find(format);
            if (known.isEmpty()) {
                throw new MojoExecutionException("connlint: formats (connlint.formats) takes "
                        + String.join(", ", ReportFormats.ids()) + " or none; found '" + f.trim() + "'");
            }
            out.add(known.get());
        }
        return List.copyOf(out);
    }

    private static void log(Transcript out, Finding f) {
        char level = switch (f.severity()) {
            case ERROR -> 'E';
            case WARNING -> 'W';
            case INFO -> 'I';
        };
        for (String line : ConsoleReporter.lines(f)) {
            out.log(level, line);
        }
    }

    private void deleteReports(List<ReportFormat> reports) throws MojoExecutionException {
        for (ReportFormat format : reports) {
            Path file = outputDirectory.toPath().resolve(format.fileName());
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new MojoExecutionException("connlint: could not remove the old " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Each report into a temporary file, then moved into place: none is ever left half-written. */
    private List<CheckCache.Report> write(List<CheckOutcome.Report> reports) throws MojoExecutionException {
        List<CheckCache.Report> written = new ArrayList<>();
        for (CheckOutcome.Report report : reports) {
            Path file = outputDirectory.toPath().resolve(report.fileName());
            try {
                ReportFiles.write(file, out -> out.append(report.text()));
                written.add(new CheckCache.Report(report.fileName(), report.bytes()));
            } catch (IOException e) {
                throw new MojoExecutionException("connlint: could not write " + file + ": " + e.getMessage(), e);
            }
        }
        return written;
    }
}
