package io.connlint.maven;

import io.connlint.core.engine.ConnlintException;
import io.connlint.core.engine.Finding;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.engine.Severity;
import io.connlint.core.report.ConsoleReporter;
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
import org.eclipse.aether.RepositorySystemSession;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    private static final List<String> FORMATS = List.of("console", "sarif", "json", "html");

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
     * for code scanning), {@code json} ({@code connlint.json}), {@code html} ({@code connlint.html}, the budget drawn);
     * {@code none} writes no report.
     * The findings are logged either way.
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

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The plugin's version, named as the tool version in the SARIF and JSON reports. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("connlint: skipped (connlint.skip)");
            return;
        }
        Optional<Severity> threshold = threshold();
        List<String> reports = reportFormats();
        // an embedded or test session may carry no reactor: then the project is the reactor
        List<MavenProject> projects = session.getProjects() == null || session.getProjects().isEmpty()
                ? List.of(project) : session.getProjects();
        MavenProject root = topMost(projects);
        Path rootDir = root.getBasedir().toPath().toAbsolutePath().normalize();
        if (!claimReactor(rootDir)) {
            getLog().debug("connlint: checked once for the reactor at " + rootDir);
            return;
        }

        LintRequest request = LintRequest.of(rootDir)
                .withModuleRoots(projects.stream().map(p -> p.getBasedir().toPath()).toList());
        if (configFile != null) {
            request = request.withConfigFile(configFile.toPath());
        }
        LintResult result;
        try {
            result = Linter.withDiscoveredRules().lint(request);
        } catch (ConnlintException e) {
            // Bad input from the user (a configFile that does not exist): the message says it all.
            throw new MojoExecutionException("connlint: " + e.getMessage());
        }

        for (Finding f : result.findings()) {
            log(f);
        }
        getLog().info(ConsoleReporter.summary(result));
        List<Path> written = write(result, reports);

        if (threshold.isPresent() && result.hasFindingsAtLeast(threshold.get())) {
            long n = result.countAtLeast(threshold.get());
            String where = written.isEmpty() ? "the log above" : display(rootDir, written.get(0));
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
                throw new MojoExecutionException("connlint: formats (connlint.formats) takes console, sarif, json, html or none;"
                        + " found '" + f.trim() + "'");
            }
            out.add(format);
        }
        return List.copyOf(out);
    }

    /**
     * The first project in reactor order whose directory holds all the others (the execution
     * root of a normal build); else, for modules laid out beside their aggregator, the session's
     * top-level project, with a warning naming the modules outside it (discovery only walks the root).
     */
    private MavenProject topMost(List<MavenProject> projects) {
        for (MavenProject candidate : projects) {
            Path dir = dir(candidate);
            if (projects.stream().allMatch(p -> dir(p).startsWith(dir))) {
                return candidate;
            }
        }
        MavenProject root = session.getTopLevelProject() != null ? session.getTopLevelProject() : projects.get(0);
        List<String> outside = new ArrayList<>();
        for (MavenProject p : projects) {
            if (!dir(p).startsWith(dir(root))) {
                outside.add(p.getArtifactId() + " (" + dir(p) + ")");
            }
        }
        getLog().warn("connlint: checking " + dir(root) + "; these modules lie outside it, so only files that"
                + " connlint.yml names are read from them: " + String.join(", ", outside));
        return root;
    }

    private static Path dir(MavenProject p) {
        return p.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /**
     * True for the first execution in this build. Whichever module runs the goal first checks the
     * whole reactor, so the budget is checked once even when only some modules declare the plugin.
     */
    private boolean claimReactor(Path rootDir) {
        RepositorySystemSession repoSession = session.getRepositorySession();
        if (repoSession == null) {
            return true;
        }
        return repoSession.getData().set(CHECKED_KEY, null, rootDir.toString());
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

    private List<Path> write(LintResult result, List<String> reports) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        if (reports.isEmpty()) {
            return written;
        }
        Path dir = outputDirectory.toPath();
        for (String format : reports) {
            Path file = dir.resolve("connlint." + Reporter.extension(format));
            try {
                Files.createDirectories(dir);
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Reporter.forFormat(format, pluginVersion == null ? "unknown" : pluginVersion).write(result, w);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("connlint: could not write " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }

    private static String display(Path rootDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(rootDir) ? rootDir.relativize(abs).toString().replace(File.separatorChar, '/') : abs.toString();
    }
}
