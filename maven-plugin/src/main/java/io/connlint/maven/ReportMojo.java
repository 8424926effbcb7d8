package io.connlint.maven;

import io.connlint.core.engine.ConnlintException;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.report.HtmlReporter;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The connlint page of {@code mvn site}: the HTML report (budget bars per server, memory against
 * RAM, pool lifetimes against wait_timeout, the findings and the model) of this project and the
 * modules under it. It reports and never fails the build; the {@code check} goal does that.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class ReportMojo extends AbstractMavenReport {

    /** Skips the report. */
    @Parameter(property = "connlint.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The connlint.yml that declares servers and apps. Default: {@code connlint.yml} in the
     * project's directory if it exists, else connlint discovers the files.
     */
    @Parameter(property = "connlint.configFile")
    private File configFile;

    /** The plugin's version, named in the report. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public String getOutputName() {
        return "connlint";
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
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path root = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> modules = reactorProjects == null ? List.of() : reactorProjects.stream()
                .map(MavenProject::getBasedir).map(f -> f.toPath().toAbsolutePath().normalize())
                .filter(p -> p.startsWith(root)).toList();
        LintRequest request = LintRequest.of(root).withModuleRoots(modules);
        if (configFile != null) {
            request = request.withConfigFile(configFile.toPath());
        }
        LintResult result;
        try {
            result = Linter.withDiscoveredRules().lint(request);
        } catch (ConnlintException e) {
            throw new MavenReportException("connlint: " + e.getMessage(), e);
        }
        StringBuilder html = new StringBuilder();
        try {
            html.append("<style>\n").append(HtmlReporter.style()).append("</style>\n");
            // the site page has its own h1 (the title below): the report's headings start at h2
            new HtmlReporter(pluginVersion == null ? "unknown" : pluginVersion).body(result, html, 2);
        } catch (IOException e) {
            throw new MavenReportException("connlint: could not render the report: " + e.getMessage(), e);
        }
        Sink sink = getSink();
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
}
