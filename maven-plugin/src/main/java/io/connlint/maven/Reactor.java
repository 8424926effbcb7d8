package io.connlint.maven;

import io.connlint.core.engine.LintRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build as connlint sees it: one project root over every module, checked once per build
 * whichever module runs a goal first. Shared by the {@code check} and {@code baseline} goals.
 *
 * @param root     the top-most project's directory: paths in findings are relative to it
 * @param projects the reactor's projects
 */
record Reactor(Path root, List<MavenProject> projects) {

    /** The reactor of a session; an embedded or test session may carry none: then the project is the reactor. */
    static Reactor of(MavenSession session, MavenProject project, Log log) {
        List<MavenProject> projects = session.getProjects() == null || session.getProjects().isEmpty()
                ? List.of(project) : session.getProjects();
        return new Reactor(dir(topMost(session, projects, log)), projects);
    }

    /** What to lint: the root, every module's directory, and connlint.yml if one is named. */
    LintRequest request(File configFile) {
        LintRequest request = LintRequest.of(root)
                .withModuleRoots(projects.stream().map(p -> p.getBasedir().toPath()).toList());
        return configFile == null ? request : request.withConfigFile(configFile.toPath());
    }

    /**
     * True for the first execution of a goal (named by {@code key}) in this build. Whichever
     * module runs it first covers the whole reactor, so the budget is checked once even when only
     * some modules declare the plugin.
     */
    boolean claim(MavenSession session, String key) {
        RepositorySystemSession repoSession = session.getRepositorySession();
        if (repoSession == null) {
            return true;
        }
        return repoSession.getData().set(key, null, root.toString());
    }

    /** A path as the user reads it: relative to the root when inside it. */
    String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString().replace(File.separatorChar, '/') : abs.toString();
    }

    /**
     * The first project in reactor order whose directory holds all the others (the execution
     * root of a normal build); else, for modules laid out beside their aggregator, the session's
     * top-level project, with a warning naming the modules outside it (discovery only walks the root).
     */
    private static MavenProject topMost(MavenSession session, List<MavenProject> projects, Log log) {
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
        log.warn("connlint: checking " + dir(root) + "; these modules lie outside it, so only files that"
                + " connlint.yml names are read from them: " + String.join(", ", outside));
        return root;
    }

    static Path dir(MavenProject p) {
        return p.getBasedir().toPath().toAbsolutePath().normalize();
    }
}
