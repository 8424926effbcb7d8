package io.connlint.maven;

import io.connlint.core.check.Baseline;
import io.connlint.core.check.Check;
import io.connlint.core.engine.ConnlintException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Accepts today's findings: writes every finding of the whole reactor to
 * {@code connlint-baseline.json} (in the top-most project's directory unless
 * {@link #baseline} names another file), so that {@code check} with {@code connlint.baseline}
 * fails only on new ones. Entries are keyed by rule, file and setting, not by line. Runs once
 * per build, like {@code check}.
 */
@Mojo(name = "baseline", threadSafe = true, aggregator = true, requiresDependencyResolution = ResolutionScope.NONE)
public class BaselineMojo extends AbstractMojo {

    /** Session data key marking that this build's baseline has been written. */
    static final String WRITTEN_KEY = "io.connlint.maven.BaselineMojo.writtenForReactor";

    /** Where to write the baseline; the same property {@code check} reads it from. */
    @Parameter(property = "connlint.baseline")
    private File baseline;

    /** The connlint.yml that declares servers and apps; as for {@code check}. */
    @Parameter(property = "connlint.configFile")
    private File configFile;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The plugin's version, written into the baseline. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException {
        Reactor reactor = Reactor.of(session, project, getLog());
        if (!reactor.claim(session, WRITTEN_KEY)) {
            getLog().debug("connlint: baseline written once for the reactor at " + reactor.root());
            return;
        }
        Baseline accepted;
        try {
            accepted = Check.withDiscoveredRules().accept(reactor.request(configFile));
        } catch (ConnlintException e) {
            throw new MojoExecutionException("connlint: " + e.getMessage());
        }
        Path file = baseline != null ? baseline.toPath() : reactor.root().resolve(Baseline.FILE_NAME);
        try {
            accepted.write(file, pluginVersion == null ? "unknown" : pluginVersion);
        } catch (IOException e) {
            throw new MojoExecutionException("connlint: could not write " + file + ": " + e.getMessage(), e);
        }
        int n = accepted.entries().size();
        getLog().info("connlint: wrote " + n + (n == 1 ? " finding" : " findings") + " to " + reactor.display(file)
                + "; check with -Dconnlint.baseline=" + reactor.display(file));
    }
}
