package io.connlint.maven;

import io.connlint.core.check.Check;
import io.connlint.core.check.CheckOutcome;
import io.connlint.core.check.CheckRequest;
import io.connlint.core.check.FailOn;
import io.connlint.core.engine.ConnlintException;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.report.HtmlReporter;
import io.connlint.core.report.ReportFiles;
import io.connlint.core.report.ReportFormat;
import io.connlint.core.report.ReportFormats;
import io.connlint.core.report.ReportOptions;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connlint page of {@code mvn site}: the HTML report (budget bars per server, memory against
 * RAM, pool lifetimes against wait_timeout, the findings and the model) of this project and the
 * modules under it. It reports and never fails the build; the {@code check} goal does that.
 *
 * <p>Built on maven-reporting-api alone, not on maven-reporting-impl: the site plugin hands the
 * report its sink, and run on its own ({@code mvn connlint:report}) the goal writes the
 * self-contained page itself. maven-reporting-impl and the Doxia libraries it brings would join
 * the plugin's class realm, which every goal pays for, {@code check} included (docs/performance.md).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class ReportMojo extends AbstractMojo implements MavenReport {

    /** Skips the report. */
    @Parameter(property = "connlint.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The connlint.yml that declares servers and apps. Default: {@code connlint.yml} in the
     * project's directory if it exists, else connlint discovers the files.
     */
    @Parameter(property = "connlint.configFile")
    private File configFile;

    /** Where {@code mvn connlint:report} writes {@code connlint.html}; the site plugin sets its own. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    /** The plugin's version, named in the report. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${reactorProjects}", readonly = true)
    private List<MavenProject> reactorProjects;

    @Override
    public String getOutputName() {
        return "connlint";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "connlint";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The connection budget: pools against max_connections, memory against RAM, lifetimes against"
                + " wait_timeout, and connlint's findings.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    /** {@code mvn connlint:report}: the self-contained page, written whole or not at all. */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            getLog().info("connlint: skipped");
            return;
        }
        try {
            String page = check(List.of(ReportFormats.get(ReportFormats.HTML))).reports().get(0).text();
            Path target = outputDirectory.toPath().resolve(getOutputName() + ".html");
            ReportFiles.write(target, out -> out.append(page));
            getLog().info("connlint: report written to " + target);
        } catch (MavenReportException | IOException e) {
            throw new MojoExecutionException("connlint: could not write the report: " + e.getMessage(), e);
        }
    }

    /** {@code mvn site}: the report as a page of the site, in the site's frame. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        CheckOutcome outcome = check(List.of());
        StringBuilder html = new StringBuilder();
        try {
            html.append("<style>\n").append(HtmlReporter.style()).append("</style>\n");
            // the site page has its own h1 (the title below): the report's headings start at h2
            new HtmlReporter(options().toolVersion()).body(outcome.result(), html, 2);
        } catch (IOException e) {
            throw new MavenReportException("connlint: could not render the report: " + e.getMessage(), e);
        }
        sink.head();
        sink.title();
        sink.text("connlint");
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("connlint: connection budget");
        sink.sectionTitle1_();
        sink.rawText(html.toString());
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private ReportOptions options() {
        return ReportOptions.of(pluginVersion);
    }

    /** This project and the modules under it, checked with no baseline and no threshold: a report never fails. */
    private CheckOutcome check(List<ReportFormat> formats) throws MavenReportException {
        Path root = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> modules = reactorProjects == null ? List.of() : reactorProjects.stream()
                .map(MavenProject::getBasedir).map(f -> f.toPath().toAbsolutePath().normalize())
                .filter(p -> p.startsWith(root)).toList();
        LintRequest request = LintRequest.of(root).withModuleRoots(modules);
        if (configFile != null) {
            request = request.withConfigFile(configFile.toPath());
        }
        try {
            return Check.withDiscoveredRules().run(new CheckRequest(request, Optional.empty(), formats, options(),
                    FailOn.NEVER));
        } catch (ConnlintException e) {
            throw new MavenReportException("connlint: " + e.getMessage(), e);
        }
    }
}
