package io.connlint.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What to check.
 *
 * @param projectRoot the project root: paths in findings are relative to it
 * @param configFile  an explicit connlint.yml; otherwise {@code <projectRoot>/connlint.yml} if present,
 *                    else discovery
 * @param moduleRoots directories of build modules under the root (Maven reactor), used to name
 *                    discovered apps; empty for a plain directory
 * @param watch       told every path the check reads, probes, lists or walks, from any thread
 *                    (see {@link io.connlint.core.read.FileAccess}); empty for none
 */
public record LintRequest(Path projectRoot, Optional<Path> configFile, List<Path> moduleRoots,
                          Optional<Consumer<Path>> watch) {

    public static final String CONFIG_FILE_NAME = io.connlint.core.config.ProjectConfig.FILE_NAME;

    public LintRequest {
        Objects.requireNonNull(projectRoot, "projectRoot");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        configFile = configFile.map(p -> p.toAbsolutePath().normalize());
        moduleRoots = moduleRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    public LintRequest(Path projectRoot, Optional<Path> configFile, List<Path> moduleRoots) {
        this(projectRoot, configFile, moduleRoots, Optional.empty());
    }

    public static LintRequest of(Path projectRoot) {
        return new LintRequest(projectRoot, Optional.empty(), List.of());
    }

    public LintRequest withConfigFile(Path file) {
        return new LintRequest(projectRoot, Optional.of(file), moduleRoots, watch);
    }

    public LintRequest withModuleRoots(List<Path> roots) {
        return new LintRequest(projectRoot, configFile, roots, watch);
    }

    public LintRequest withWatch(Consumer<Path> watch) {
        return new LintRequest(projectRoot, configFile, moduleRoots, Optional.of(watch));
    }
}
