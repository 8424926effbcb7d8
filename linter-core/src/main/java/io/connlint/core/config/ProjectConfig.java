package io.connlint.core.config;

import io.connlint.core.inventory.Selection;

import io.connlint.core.model.ReadProblem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * connlint.yml as read, with the problems found in it. Maps keep the file's order.
 *
 * @param file     the file's project-relative path; empty when there is none (discovery)
 * @param maxFileBytes          the size cap per file read ({@code maxFileBytes}, default 10 MB)
 * @param followSymlinksOutside whether symbolic links leading out of the project root are followed
 * @param selection which files discovery takes ({@code include:} / {@code exclude:})
 */
public record ProjectConfig(Optional<String> file, Map<String, ServerDecl> servers, Map<String, AppDecl> apps,
                            Map<String, RuleSetting> rules, List<ReadProblem> problems, long maxFileBytes,
                            boolean followSymlinksOutside, Selection selection) {

    /** The file's name at the project root. */
    public static final String FILE_NAME = "connlint.yml";

    /** A configuration with the default file limits. */
    public ProjectConfig(Optional<String> file, Map<String, ServerDecl> servers, Map<String, AppDecl> apps,
                         Map<String, RuleSetting> rules, List<ReadProblem> problems) {
        this(file, servers, apps, rules, problems, io.connlint.core.read.TextFile.MAX_BYTES, false, Selection.DEFAULT);
    }

    /** Whether connlint.yml leaves the project to be discovered: it declares neither servers nor apps. */
    public boolean discovers() {
        return servers.isEmpty() && apps.isEmpty();
    }

    public ProjectConfig {
        servers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(servers));
        apps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(apps));
        rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
        problems = List.copyOf(problems);
    }

    public static ProjectConfig none() {
        return new ProjectConfig(Optional.empty(), Map.of(), Map.of(), Map.of(), List.of());
    }
}
