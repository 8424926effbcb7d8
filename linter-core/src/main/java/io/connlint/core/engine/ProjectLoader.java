package io.connlint.core.engine;

import io.connlint.core.deploy.OpenFilesLimits;
import io.connlint.core.deploy.DeploymentSources;
import io.connlint.core.deploy.ServerRuntime;
import io.connlint.core.deploy.AppScaling;
import io.connlint.core.read.Parallel;
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
import io.connlint.core.model.UnusedKey;
import io.connlint.core.app.AppFiles;
import io.connlint.core.app.AppFormat;
import io.connlint.core.app.AppFormats;
import io.connlint.core.pool.AppPools;
import io.connlint.core.pool.PoolContext;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.spring.BuildFileVersions;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.systemd.SystemdLimits;
import io.connlint.core.server.ServerAssembly;
import io.connlint.core.read.django.Gunicorn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's entry: connlint.yml (or, without servers and apps, {@link Discovery}), then each
 * declared server through the server assembly and the deployment stage, each declared app through
 * its {@link io.connlint.core.app.AppFormat}s, then the pool → server links.
 */
public final class ProjectLoader {

    /** The server id used when there is no connlint.yml. */
    public static final String DISCOVERED_SERVER = "default";

    /**
     * The model and the configuration it came from.
     *
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
    /** The deployment stage's reads: compose files, manifests, the files connlint.yml names. */
    private final DeploymentSources deployment;
    private final OpenFilesLimits openFiles;
    private int serverCount;

    private ProjectLoader(LintRequest request) {
        this.request = request;
        this.memo = new TextFile.Memo(request.watch().orElse(null));
        this.buildVersions = new java.util.concurrent.ConcurrentHashMap<>();
        this.rootPaths = new ProjectPaths(request.projectRoot(), Map.of());
        this.deployment = new DeploymentSources(rootPaths, problems, notes);
        this.openFiles = new OpenFilesLimits(rootPaths, problems, notes);
    }

    /** A loader for one server or app of a parallel read: what {@code parent} read once, shared. */
    private ProjectLoader(ProjectLoader parent) {
        this.request = parent.request;
        this.memo = parent.memo;
        this.buildVersions = parent.buildVersions;
        this.rootPaths = parent.rootPaths;
        this.deployment = new DeploymentSources(parent.deployment, problems, notes);
        this.openFiles = new OpenFilesLimits(parent.openFiles, problems, notes);
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
                () -> TextFile.within(scope, () -> OpenFilesLimits.walk(rootPaths)));
        Thread walker = new Thread(units, "connlint-systemd-walk");
        walker.setDaemon(true);
        walker.start();
        openFiles.walkBeside(units);
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
        openFiles.cancelUnlessRead(); // every server declares its openFilesLimit
        Map<String, String> links = link(servers, pools);
        Deployment model = new Deployment(request.projectRoot().toString(), servers, pools, links, problems, notes,
                unused, List.of(), false);
        return new Loaded(model, config, memo);
    }

    /** From this many servers and apps together, they are read in parallel. */
    private static final int PARALLEL_FROM = 16;

    /**
     * What servers and apps share, read once before they are read in parallel: the deployment
     * files and the systemd limits when a server needs them. A sequential read reads the same when
     * the first server or app needs it.
     */
    private void readShared(ProjectConfig config) {
        deployment.readShared(config);
        if (config.servers().values().stream().anyMatch(s -> s.openFilesLimit().isEmpty())) {
            openFiles.readNow();
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
        ServerRuntime runtime = ServerRuntime.resolve(decl, deployment.rootCompose(), serverCount == 1, rootPaths,
                deployment.sink());
        if (decl.engine().isEmpty()) {
            Optional<ServerEngine> fromImage = runtime.engine(decl.id(), deployment.sink());
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
        decl.persisted().flatMap(deployment::existingFile).ifPresent(assembly::persisted);
        Setting<Long> reserved = decl.reserved().orElseGet(() -> Setting.assumed("reserved", 0L,
                "no reserved connections declared for server " + decl.id()));
        List<String> hosts = new ArrayList<>(decl.hosts().stream().map(Setting::value).toList());
        runtime.hosts().stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
        return assembly.assemble(openFiles.of(decl.openFilesLimit(), decl.id(), serverCount))
                .server(decl.id(), decl.ramMb(), reserved, hosts, Optional.of(decl.at()));
    }

    /** The option files connlint.yml names, else those the server's container mounts. */
    private List<Path> optionFiles(ServerDecl decl, ServerRuntime runtime) {
        if (decl.optionFiles().isEmpty() && !runtime.optionFiles().isEmpty()) {
            notes.add(new Note(decl.at(), "servers." + decl.id() + " names no optionFiles; the option files mounted "
                    + "into its container are read: " + runtime.optionFiles().stream().map(rootPaths::display).toList()));
            return runtime.optionFiles();
        }
        List<Path> files = new ArrayList<>();
        decl.optionFiles().forEach(f -> deployment.existingFile(f).ifPresent(files::add));
        return files;
    }

    // ---- apps and pools -----------------------------------------------------------------------

    private List<ClientPool> pools(AppDecl app, ProjectConfig config) {
        if (app.config().isEmpty()) {
            problems.add(ReadProblem.configInvalid(app.at(), "apps." + app.id()
                    + " names no config files; add config: [path/to/hikari.properties]"));
        }
        AppScaling scaling = AppScaling.of(app, deployment.rootCompose(), () -> deployment.sharedByName(config), rootPaths,
                deployment.sink());
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
            deployment.existingFile(file).ifPresent(files::add);
        }
        AppPools reading = appPools();
        Optional<Gunicorn> gunicorn = app.gunicorn().flatMap(deployment::existingFile).map(f -> reading.gunicorn(f, app.env()));
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

    /** The deployment stage's reads of this loader (discovery's compose file and server runtime). */
    DeploymentSources deployment() {
        return deployment;
    }

    /** The open-files limits of this loader's servers. */
    OpenFilesLimits openFiles() {
        return openFiles;
    }

    static ProjectLoader forDiscovery(LintRequest request) {
        return new ProjectLoader(request);
    }

    static Map<String, String> linkAll(List<DatabaseServer> servers, List<ClientPool> pools) {
        return link(servers, pools);
    }
}
