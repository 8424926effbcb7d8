package io.connlint.core.deploy;

import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.read.Parallel;
import io.connlint.core.config.ProjectConfig;
import io.connlint.core.config.ServerDecl;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.mycnf.ProjectPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment stage's reads for one loader: the project root's compose files, the files
 * connlint.yml's {@code deployment:} entries name (each parsed once: compose services or
 * Kubernetes objects), their workloads by name, and the files connlint.yml names. Problems and
 * notes go to the loader's lists; a loader of a parallel read shares what its parent read.
 */
public final class DeploymentSources {

    private final Path root;
    private final ProjectPaths rootPaths;
    private final List<ReadProblem> problems;
    private final List<Note> notes;
    private ComposeFiles.Project rootCompose;
    private List<Path> sharedManifests;
    private AppScaling.ByName sharedByName;
    private final Map<Path, DeploymentFile> deploymentFileCache = new HashMap<>();
    /** Deployment files read before servers and apps are read in parallel; read-only then. */
    private final Map<Path, DeploymentFile> sharedDeploymentFiles;

    public DeploymentSources(ProjectPaths rootPaths, List<ReadProblem> problems, List<Note> notes) {
        this.root = rootPaths.root();
        this.rootPaths = rootPaths;
        this.problems = problems;
        this.notes = notes;
        this.sharedDeploymentFiles = Map.of();
    }

    /** The sources of one server's or app's loader in a parallel read: what {@code parent} read, shared. */
    public DeploymentSources(DeploymentSources parent, List<ReadProblem> problems, List<Note> notes) {
        this.root = parent.root;
        this.rootPaths = parent.rootPaths;
        this.problems = problems;
        this.notes = notes;
        this.sharedDeploymentFiles = parent.deploymentFileCache;
        this.rootCompose = parent.rootCompose;
        this.sharedManifests = parent.sharedManifests;
        this.sharedByName = parent.sharedByName;
    }

    /**
     * Reads what servers and apps share before they are read in parallel: the root compose project,
     * every deployment file connlint.yml names (parsed in parallel, their problems reported in
     * file order) and their workloads by name.
     */
    public void readShared(ProjectConfig config) {
        rootCompose();
        List<Path> manifests = sharedManifests(config);
        List<DeploymentFile> reads = Parallel.map(manifests, f -> DeploymentFile.read(f, rootPaths));
        for (int i = 0; i < manifests.size(); i++) {
            if (deploymentFileCache.putIfAbsent(manifests.get(i), reads.get(i)) == null) {
                problems.addAll(reads.get(i).problems());
            }
        }
        sharedByName(config);
    }

    /** A {@code deployment:} entry's files: the file, or a folder's {@code *.yaml}/{@code *.yml} files sorted. */
    private List<Path> deploymentFiles(List<Setting<String>> entries) {
        List<Path> files = new ArrayList<>();
        for (Setting<String> entry : entries) {
            Path path = root.resolve(entry.value()).normalize();
            if (FileAccess.isDirectory(path)) {
                try {
                    FileAccess.list(path).stream()
                            .filter(f -> FileAccess.isRegularFile(f) && f.getFileName().toString().matches(".*\\.ya?ml"))
                            .sorted().forEach(files::add);
                } catch (java.io.IOException e) {
                    problems.add(ReadProblem.unreadable(entry.location().orElse(SourceLocation.startOf(
                            ProjectConfig.FILE_NAME)), "cannot list " + entry.value() + ": " + e.getMessage()));
                }
            } else {
                existingFile(entry).ifPresent(files::add);
            }
        }
        return files;
    }

    /** Every file any {@code deployment:} of connlint.yml names: where an app without one is looked up by name. */
    public List<Path> sharedManifests(ProjectConfig config) {
        if (sharedManifests == null) {
            java.util.Set<Path> files = new java.util.LinkedHashSet<>();
            config.servers().values().forEach(s -> files.addAll(deploymentFilesQuietly(s.deployment())));
            config.apps().values().forEach(a -> files.addAll(deploymentFilesQuietly(a.deployment())));
            sharedManifests = List.copyOf(files);
        }
        return sharedManifests;
    }

    /** The shared manifests' workloads and autoscalers by name, read and indexed once. */
    public AppScaling.ByName sharedByName(ProjectConfig config) {
        if (sharedByName == null) {
            sharedByName = new AppScaling.ByName(sharedManifests(config), sink());
        }
        return sharedByName;
    }

    /** The files of entries without reporting missing ones (each entry reports them where it is read). */
    private List<Path> deploymentFilesQuietly(List<Setting<String>> entries) {
        int before = problems.size();
        List<Path> files = deploymentFiles(entries);
        problems.subList(before, problems.size()).clear();
        return files;
    }

    /** The compose files Compose reads by default at the project root, read once. */
    public ComposeFiles.Project rootCompose() {
        if (rootCompose == null) {
            rootCompose = ComposeFiles.read(ComposeFiles.defaults(root), rootPaths::display);
            problems.addAll(rootCompose.problems());
            notes.addAll(rootCompose.notes());
        }
        return rootCompose;
    }

    public ServerRuntime.Sink sink() {
        return new ServerRuntime.Sink() {
            @Override
            public void problem(ReadProblem p) {
                problems.add(p);
            }

            @Override
            public void note(Note n) {
                notes.add(n);
            }

            @Override
            public Optional<Path> existingFile(Setting<String> entry) {
                return DeploymentSources.this.existingFile(entry);
            }

            @Override
            public List<Path> deploymentFiles(List<Setting<String>> entries) {
                return DeploymentSources.this.deploymentFiles(entries);
            }

            @Override
            public DeploymentFile read(Path file) {
                DeploymentFile shared = sharedDeploymentFiles.get(file);
                if (shared != null) {
                    return shared;
                }
                return deploymentFileCache.computeIfAbsent(file, f -> {
                    DeploymentFile read = DeploymentFile.read(f, rootPaths);
                    problems.addAll(read.problems());
                    return read;
                });
            }
        };
    }

    /** The file a connlint.yml entry names, or a CL901 problem at the entry. */
    public Optional<Path> existingFile(Setting<String> entry) {
        Path path = root.resolve(entry.value()).normalize();
        if (!FileAccess.isRegularFile(path)) {
            problems.add(ReadProblem.configInvalid(entry.location().orElse(SourceLocation.startOf(ProjectConfig.FILE_NAME)),
                    "'" + entry.value() + "' does not exist (relative to the project root)"));
            return Optional.empty();
        }
        return Optional.of(path);
    }


    /** The runtime of the discovered server: the root compose file's only MySQL-family service. */
    public ServerRuntime discoveredRuntime(ComposeFiles.Project compose) {
        ServerDecl decl = new ServerDecl(ProjectLoader.DISCOVERED_SERVER, compose.databases().get(0).at(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Map.of(), List.of());
        return ServerRuntime.resolve(decl, compose, true, rootPaths, sink());
    }

}
