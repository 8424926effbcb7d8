package io.connlint.core.engine;

import io.connlint.core.config.AppDecl;
import io.connlint.core.config.ConnlintYamlReader;
import io.connlint.core.config.ProjectConfig;
import io.connlint.core.config.ServerDecl;
import io.connlint.core.inventory.Selection;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.app.AppFiles;
import io.connlint.core.app.AppFormat;
import io.connlint.core.app.AppFormats;
import io.connlint.core.pool.AppPools;
import io.connlint.core.pool.PoolContext;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.spring.BuildFileVersions;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.systemd.SystemdLimits;
import io.connlint.core.server.OpenFiles;
import io.connlint.core.server.ServerAssembly;
import io.connlint.core.read.django.Gunicorn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a project into the model: connlint.yml (or discovery), then every server's option files
 * and every app's pool configuration, then the pool → server links.
 */
public final class ProjectLoader {

    /** The server id used when there is no connlint.yml. */
    public static final String DISCOVERED_SERVER = "default";

    /** The model and the configuration it came from. */
    /**
     * @param memo what the reads learnt (real directories, lines mentioning connlint), for the
     *             suppression scan of the same run
     */
    public record Loaded(Deployment model, ProjectConfig config, TextFile.Memo memo) {
    }

    private final LintRequest request;
    /** One per run, shared by the loaders of a parallel read. */
    private final TextFile.Memo memo;
    private final ProjectPaths rootPaths;
    private final List<ReadProblem> problems = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<UnusedKey> unused = new ArrayList<>();
    /** Each directory's nearest build file answer, shared by the loaders of a parallel read. */
    private final Map<Path, Optional<BuildFileVersions.Found>> buildVersions;
    private ComposeFiles.Project rootCompose;
    private List<Path> sharedManifests;
    private final Map<Path, DeploymentFile> deploymentFileCache = new java.util.HashMap<>();
    /** Deployment files read before servers and apps are read in parallel; read-only then. */
    private final Map<Path, DeploymentFile> sharedDeploymentFiles;
    private int serverCount;

    private ProjectLoader(LintRequest request) {
        this.request = request;
        this.memo = new TextFile.Memo(request.watch().orElse(null));
        this.buildVersions = new java.util.concurrent.ConcurrentHashMap<>();
        this.rootPaths = new ProjectPaths(request.projectRoot(), Map.of());
        this.sharedDeploymentFiles = Map.of();
    }

    /** A loader for one server or app of a parallel read: what {@code parent} read once, shared. */
    private ProjectLoader(ProjectLoader parent) {
        this.request = parent.request;
        this.memo = parent.memo;
        this.buildVersions = parent.buildVersions;
        this.rootPaths = parent.rootPaths;
        this.sharedDeploymentFiles = parent.deploymentFileCache;
        this.rootCompose = parent.rootCompose;
        this.sharedManifests = parent.sharedManifests;
        this.sharedByName = parent.sharedByName;
        this.systemd = parent.systemd;
        this.serverCount = parent.serverCount;
    }

    /**
     * Loads the project.
     *
     * @throws ConnlintException when an explicitly named connlint.yml does not exist
     */
    public static Loaded load(LintRequest request) {
        ProjectLoader loader = new ProjectLoader(request);
        // every look at the file system happens within the run's memo, the explicit config file's included
        return TextFile.within(defaultLimits(request), loader.memo, loader::load);
    }

    /** The limits before connlint.yml is read: the project root, the default size cap, no link out. */
    private static TextFile.Limits defaultLimits(LintRequest request) {
        return new TextFile.Limits(request.projectRoot(), TextFile.MAX_BYTES, false);
    }

    private Loaded load() {
        Optional<Path> configFile = request.configFile();
        if (configFile.isPresent() && !FileAccess.isRegularFile(configFile.get())) {
            throw new ConnlintException("config file " + configFile.get() + " does not exist");
        }
        Path defaultConfig = request.projectRoot().resolve(LintRequest.CONFIG_FILE_NAME);
        boolean named = configFile.isPresent();
        if (configFile.isEmpty() && FileAccess.exists(defaultConfig, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            configFile = Optional.of(defaultConfig);
        }
        TextFile.Limits defaults = defaultLimits(request);
        if (configFile.isEmpty()) {
            return TextFile.within(defaults, memo, () -> new Loaded(Discovery.discover(request, rootPaths,
                    Selection.DEFAULT), ProjectConfig.none(), memo));
        }
        Path file = configFile.get();
        // The walk for systemd units reads no file: it runs beside connlint.yml's parse, which leaves a core idle.
        TextFile.Scope scope = TextFile.scope();
        java.util.concurrent.FutureTask<SystemdLimits.Units> units = new java.util.concurrent.FutureTask<>(
                () -> TextFile.within(scope, () -> SystemdLimits.find(rootPaths.root())));
        Thread walker = new Thread(units, "connlint-systemd-walk");
        walker.setDaemon(true);
        walker.start();
        systemdUnits = units;
        // a config file named on the command line may live anywhere; the project's own is held to the root
        ProjectConfig config = TextFile.within(named ? TextFile.Limits.DEFAULT : defaults, memo, () -> readConfig(file));
        if (config.servers().isEmpty() && config.apps().isEmpty() && config.rules().isEmpty()
                && !config.problems().isEmpty()) {
            // connlint.yml could not be read at all: its problems are reported and the project is
            // still checked, as without it (a broken file never hides the others' findings)
            units.cancel(true); // discovery reads with a loader of its own
            Deployment found = TextFile.within(defaults, memo, () -> Discovery.discover(request, rootPaths,
                    Selection.DEFAULT));
            List<ReadProblem> all = new ArrayList<>(config.problems());
            all.addAll(found.problems());
            List<Note> allNotes = new ArrayList<>(found.notes());
            allNotes.add(new Note(config.problems().get(0).at(), "connlint.yml could not be read: the project's files"
                    + " were discovered as if there were none"));
            return new Loaded(new Deployment(found.projectRoot(), found.servers(), found.pools(), found.poolServer(),
                    all, allNotes, found.unusedKeys(), found.suppressions(), true), config, memo);
        }
        if (config.discovers()) {
            // connlint.yml sets rules, limits or which files to take, and leaves the rest to discovery
            units.cancel(true);
            Deployment found = TextFile.within(limits(request, config), memo,
                    () -> Discovery.discover(request, rootPaths, config.selection()));
            List<ReadProblem> all = new ArrayList<>(config.problems());
            all.addAll(found.problems());
            return new Loaded(found.withProblems(all), config, memo);
        }
        return TextFile.within(limits(request, config), memo, () -> load(config));
    }

    /** The file limits connlint.yml sets for the reads of a project. */
    static TextFile.Limits limits(LintRequest request, ProjectConfig config) {
        return new TextFile.Limits(request.projectRoot(), config.maxFileBytes(), config.followSymlinksOutside());
    }

    private ProjectConfig readConfig(Path file) {
        try {
            return ConnlintYamlReader.read(TextFile.read(file, rootPaths.display(file)));
        } catch (TextFile.Unreadable e) {
            ReadProblem p = e.problem();
            return new ProjectConfig(Optional.of(p.at().path()), Map.of(), Map.of(), Map.of(),
                    List.of(ReadProblem.configInvalid(p.at(), p.message())));
        }
    }

    private Loaded load(ProjectConfig config) {
        problems.addAll(config.problems());
        List<DatabaseServer> servers = new ArrayList<>();
        serverCount = config.servers().size();
        List<ClientPool> pools = new ArrayList<>();
        if (config.servers().size() + config.apps().size() >= PARALLEL_FROM) {
            ProjectConfig declared = config;
            readShared(config);
            servers.addAll(inParallel(config.servers().values(), (loader, decl) -> List.of(loader.server(decl))));
            pools.addAll(inParallel(config.apps().values(), (loader, app) -> loader.pools(app, declared)));
        } else {
            for (ServerDecl decl : config.servers().values()) {
                servers.add(server(decl));
            }
            for (AppDecl app : config.apps().values()) {
                pools.addAll(pools(app, config));
            }
        }
        if (systemd == null && systemdUnits != null) {
            systemdUnits.cancel(true); // every server declares its openFilesLimit
        }
        Map<String, String> links = link(servers, pools);
        Deployment model = new Deployment(request.projectRoot().toString(), servers, pools, links, problems, notes,
                unused, List.of(), false);
        return new Loaded(model, config, memo);
    }

    /** From this many servers and apps together, they are read in parallel. */
    private static final int PARALLEL_FROM = 16;

    /**
     * What servers and apps share, read once before they are read in parallel: the root compose
     * project, every deployment file connlint.yml names (parsed in parallel, cached, their problems
     * reported in file order), their workloads by name, and the systemd limits when a server needs
     * them. A sequential read reads the same when the first server or app needs it.
     */
    private void readShared(ProjectConfig config) {
        rootCompose();
        List<Path> manifests = sharedManifests(config);
        List<DeploymentFile> reads = Parallel.map(manifests, f -> DeploymentFile.read(f, rootPaths));
        for (int i = 0; i < manifests.size(); i++) {
            if (deploymentFileCache.putIfAbsent(manifests.get(i), reads.get(i)) == null) {
                problems.addAll(reads.get(i).problems());
            }
        }
        sharedByName(config);
        if (config.servers().values().stream().anyMatch(s -> s.openFilesLimit().isEmpty())) {
            systemdLimits();
        }
    }

    /** What one server's or app's read produced, with the loader that collected its problems, notes and unused keys. */
    private record Part<R>(List<R> values, ProjectLoader loader) {
    }

    /**
     * Reads every item (a server, an app) on its own loader, in parallel, then merges the results
     * and the loaders' problems, notes and unused keys in item order, as a sequential read adds them.
     */
    private <T, R> List<R> inParallel(java.util.Collection<T> items,
                                      java.util.function.BiFunction<ProjectLoader, T, List<R>> read) {
        List<Part<R>> parts = Parallel.map(List.copyOf(items), item -> {
            ProjectLoader loader = new ProjectLoader(this);
            return new Part<>(read.apply(loader, item), loader);
        });
        List<R> values = new ArrayList<>();
        for (Part<R> part : parts) {
            values.addAll(part.values());
            problems.addAll(part.loader().problems);
            notes.addAll(part.loader().notes);
            unused.addAll(part.loader().unused);
        }
        return values;
    }

    // ---- servers ------------------------------------------------------------------------------

    /**
     * The open-files limit of a server: {@code openFilesLimit} in connlint.yml, else the
     * {@code LimitNOFILE} of a MySQL/MariaDB systemd unit in the project (when the project has
     * one server), else unknown.
     */
    OpenFiles openFiles(Optional<Setting<Long>> declared, String server, int serverCount) {
        if (declared.isPresent()) {
            return new OpenFiles(declared, declared.get().effective());
        }
        List<SystemdLimits.Limit> systemd = systemdLimits();
        if (systemd.isEmpty()) {
            return OpenFiles.UNKNOWN;
        }
        var first = systemd.get(0);
        SourceLocation at = first.soft().location().orElseThrow();
        if (serverCount > 1) {
            notes.add(new Note(at, "LimitNOFILE of " + first.unit() + " is not applied: the project declares "
                    + serverCount + " servers; set openFilesLimit for server " + server + " in connlint.yml"));
            return OpenFiles.UNKNOWN;
        }
        if (systemd.size() > 1) {
            notes.add(new Note(at, "several systemd units set LimitNOFILE; server " + server + " uses "
                    + first.unit() + " (" + first.soft().raw() + "); set openFilesLimit in connlint.yml to choose"));
        }
        return new OpenFiles(Optional.of(first.soft()), first.hard());
    }

    private List<SystemdLimits.Limit> systemd;
    /** The walk for systemd units, started before connlint.yml is parsed; null: walk when needed. */
    private java.util.concurrent.Future<SystemdLimits.Units> systemdUnits;

    /** The project's systemd units' LimitNOFILE, read once. */
    private List<SystemdLimits.Limit> systemdLimits() {
        if (systemd == null) {
            SystemdLimits.Units units;
            try {
                units = systemdUnits == null ? SystemdLimits.find(rootPaths.root()) : systemdUnits.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while walking the project for systemd units", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("walking the project for systemd units failed", e.getCause());
            }
            SystemdLimits.Result read = SystemdLimits.read(rootPaths, units);
            problems.addAll(read.problems());
            notes.addAll(read.notes());
            systemd = read.limits();
        }
        return systemd;
    }

    private DatabaseServer server(ServerDecl decl) {
        ServerEngine engine = ServerEngine.DEFAULT;
        if (decl.engine().isPresent()) {
            Setting<String> e = decl.engine().get();
            Optional<ServerEngine> parsed = ServerEngine.parse(e.value());
            if (parsed.isPresent()) {
                engine = parsed.get();
            } else {
                problems.add(ReadProblem.configInvalid(e.location().orElse(decl.at()), "servers." + decl.id()
                        + ".engine '" + e.value() + "' is not an engine connlint knows; expected one of "
                        + String.join(", ", ServerEngine.KNOWN)));
            }
        }
        ServerRuntime runtime = ServerRuntime.resolve(decl, rootCompose(), serverCount == 1, rootPaths, sink());
        if (decl.engine().isEmpty()) {
            Optional<ServerEngine> fromImage = runtime.engine(decl.id(), sink());
            if (fromImage.isPresent()) {
                engine = fromImage.get();
            } else {
                notes.add(new Note(decl.at(), "server " + decl.id() + " declares no engine; assumed " + engine.id()));
            }
        }
        ProjectPaths paths = new ProjectPaths(request.projectRoot(), runtime.pathMap(decl.pathMap()));
        ServerAssembly assembly = new ServerAssembly(engine, true, paths, problems::add, notes::add);
        assembly.optionFiles(optionFiles(decl, runtime));
        assembly.commandLine(runtime.commandLine());
        decl.persisted().flatMap(this::existingFile).ifPresent(assembly::persisted);
        Setting<Long> reserved = decl.reserved().orElseGet(() -> Setting.assumed("reserved", 0L,
                "no reserved connections declared for server " + decl.id()));
        List<String> hosts = new ArrayList<>(decl.hosts().stream().map(Setting::value).toList());
        runtime.hosts().stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
        OpenFiles openFiles = openFiles(decl.openFilesLimit(), decl.id(), serverCount);
        return assembly.assemble(openFiles).server(decl.id(), decl.ramMb(), reserved, hosts, Optional.of(decl.at()));
    }

    /** The option files connlint.yml names, else those the server's container mounts. */
    private List<Path> optionFiles(ServerDecl decl, ServerRuntime runtime) {
        if (decl.optionFiles().isEmpty() && !runtime.optionFiles().isEmpty()) {
            notes.add(new Note(decl.at(), "servers." + decl.id() + " names no optionFiles; the option files mounted "
                    + "into its container are read: " + runtime.optionFiles().stream().map(rootPaths::display).toList()));
            return runtime.optionFiles();
        }
        List<Path> files = new ArrayList<>();
        decl.optionFiles().forEach(f -> existingFile(f).ifPresent(files::add));
        return files;
    }

    /** A {@code deployment:} entry's files: the file, or a folder's {@code *.yaml}/{@code *.yml} files sorted. */
    private List<Path> deploymentFiles(List<Setting<String>> entries) {
        List<Path> files = new ArrayList<>();
        for (Setting<String> entry : entries) {
            Path path = request.projectRoot().resolve(entry.value()).normalize();
            if (FileAccess.isDirectory(path)) {
                try {
                    FileAccess.list(path).stream()
                            .filter(f -> FileAccess.isRegularFile(f) && f.getFileName().toString().matches(".*\\.ya?ml"))
                            .sorted().forEach(files::add);
                } catch (java.io.IOException e) {
                    problems.add(ReadProblem.unreadable(entry.location().orElse(SourceLocation.startOf(
                            LintRequest.CONFIG_FILE_NAME)), "cannot list " + entry.value() + ": " + e.getMessage()));
                }
            } else {
                existingFile(entry).ifPresent(files::add);
            }
        }
        return files;
    }

    /** Every file any {@code deployment:} of connlint.yml names: where an app without one is looked up by name. */
    private List<Path> sharedManifests(ProjectConfig config) {
        if (sharedManifests == null) {
            java.util.Set<Path> files = new java.util.LinkedHashSet<>();
            config.servers().values().forEach(s -> files.addAll(deploymentFilesQuietly(s.deployment())));
            config.apps().values().forEach(a -> files.addAll(deploymentFilesQuietly(a.deployment())));
            sharedManifests = List.copyOf(files);
        }
        return sharedManifests;
    }

    /** The shared manifests' workloads and autoscalers by name, read and indexed once. */
    private AppScaling.ByName sharedByName(ProjectConfig config) {
        if (sharedByName == null) {
            sharedByName = new AppScaling.ByName(sharedManifests(config), sink());
        }
        return sharedByName;
    }

    private AppScaling.ByName sharedByName;

    /** The files of entries without reporting missing ones (each entry reports them where it is read). */
    private List<Path> deploymentFilesQuietly(List<Setting<String>> entries) {
        int before = problems.size();
        List<Path> files = deploymentFiles(entries);
        problems.subList(before, problems.size()).clear();
        return files;
    }

    /** The compose files Compose reads by default at the project root, read once. */
    ComposeFiles.Project rootCompose() {
        if (rootCompose == null) {
            rootCompose = ComposeFiles.read(ComposeFiles.defaults(request.projectRoot()), rootPaths::display);
            problems.addAll(rootCompose.problems());
            notes.addAll(rootCompose.notes());
        }
        return rootCompose;
    }

    ServerRuntime.Sink sink() {
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
                return ProjectLoader.this.existingFile(entry);
            }

            @Override
            public List<Path> deploymentFiles(List<Setting<String>> entries) {
                return ProjectLoader.this.deploymentFiles(entries);
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
    private Optional<Path> existingFile(Setting<String> entry) {
        Path path = request.projectRoot().resolve(entry.value()).normalize();
        if (!FileAccess.isRegularFile(path)) {
            problems.add(ReadProblem.configInvalid(entry.location().orElse(SourceLocation.startOf(LintRequest.CONFIG_FILE_NAME)),
                    "'" + entry.value() + "' does not exist (relative to the project root)"));
            return Optional.empty();
        }
        return Optional.of(path);
    }

    // ---- apps and pools -----------------------------------------------------------------------

    private List<ClientPool> pools(AppDecl app, ProjectConfig config) {
        if (app.config().isEmpty()) {
            problems.add(ReadProblem.configInvalid(app.at(), "apps." + app.id()
                    + " names no config files; add config: [path/to/hikari.properties]"));
        }
        AppScaling scaling = AppScaling.of(app, rootCompose(), () -> sharedByName(config), rootPaths, sink());
        Setting<Long> instances = scaling.instances();
        Setting<Long> processes = app.processes().orElseGet(() -> Setting.derived("processes", 1L,
                "one process per instance"));
        Optional<Setting<String>> server = app.server();
        if (server.isPresent() && !config.servers().containsKey(server.get().value())) {
            Setting<String> s = server.get();
            problems.add(ReadProblem.configInvalid(s.location().orElse(app.at()), "apps." + app.id() + ".server '"
                    + s.value() + "' is not a declared server" + io.connlint.core.text.Similar.hint(s.value(),
                    config.servers().keySet())));
            server = Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (Setting<String> file : app.config()) {
            existingFile(file).ifPresent(files::add);
        }
        AppPools reading = appPools();
        Optional<Gunicorn> gunicorn = app.gunicorn().flatMap(this::existingFile).map(f -> reading.gunicorn(f, app.env()));
        if (gunicorn.isPresent() && app.processes().isEmpty()) {
            processes = gunicorn.get().workers();
        }
        PoolContext context = new PoolContext(app.id(), instances, processes, server, Optional.of(app.at()),
                scaling.rollout(), scaling.maximum(), app.hikariVersion());
        Map<AppFormat, List<Path>> byFormat = new java.util.LinkedHashMap<>();
        AppFormats.ALL.forEach(f -> byFormat.put(f, new ArrayList<>()));
        files.forEach(f -> AppFormats.of(f).ifPresent(format -> byFormat.get(format).add(f)));
        List<ClientPool> pools = new ArrayList<>();
        List<String> profiles = app.profiles().stream().map(Setting::value).toList();
        for (Map.Entry<AppFormat, List<Path>> e : byFormat.entrySet()) {
            if (!e.getValue().isEmpty()) {
                boolean onlySource = e.getValue().size() == files.size();
                pools.addAll(e.getKey().pools(new AppFiles(e.getValue(), profiles, app.env(), app.at(), context,
                        gunicorn, true, onlySource), reading));
            }
        }
        return pools;
    }

    /** The pool stage's reading of apps, reporting into this loader's lists. */
    AppPools appPools() {
        return new AppPools(rootPaths, buildVersions, problems, notes, unused);
    }

    // ---- links --------------------------------------------------------------------------------

    /** Pool → server ({@link HostIndex}). */
    private static Map<String, String> link(List<DatabaseServer> servers, List<ClientPool> pools) {
        return HostIndex.link(servers, pools);
    }

    // ---- used by discovery --------------------------------------------------------------------

    List<ReadProblem> problems() {
        return problems;
    }

    List<Note> notes() {
        return notes;
    }

    List<UnusedKey> unused() {
        return unused;
    }

    /** The runtime of the discovered server: the root compose file's only MySQL-family service. */
    ServerRuntime discoveredRuntime(ComposeFiles.Project compose) {
        ServerDecl decl = new ServerDecl(DISCOVERED_SERVER, compose.databases().get(0).at(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Map.of(), List.of());
        return ServerRuntime.resolve(decl, compose, true, rootPaths, sink());
    }

    static ProjectLoader forDiscovery(LintRequest request) {
        return new ProjectLoader(request);
    }

    static Map<String, String> linkAll(List<DatabaseServer> servers, List<ClientPool> pools) {
        return link(servers, pools);
    }
}
