package io.connlint.core.engine;

import io.connlint.core.config.AppDecl;
import io.connlint.core.config.ConnlintYamlReader;
import io.connlint.core.config.ProjectConfig;
import io.connlint.core.config.ServerDecl;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.HostPort;
import io.connlint.core.model.Note;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.hikari.HikariPropertiesReader;
import io.connlint.core.read.hikari.HikariVersion;
import io.connlint.core.read.spring.BuildFileVersions;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.mycnf.ServerVariablesBuilder;
import io.connlint.core.read.persisted.PersistedVariables;
import io.connlint.core.read.django.DjangoSettings;
import io.connlint.core.read.django.Gunicorn;
import io.connlint.core.read.k8s.KubernetesManifests;
import io.connlint.core.read.python.PythonModule;
import io.connlint.core.read.python.PythonReader;
import io.connlint.core.read.spring.SpringConfigReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a project into the model: connlint.yml (or discovery), then every server's option files
 * and every app's pool configuration, then the pool → server links.
 */
public final class ProjectLoader {

    /** The server id used when there is no connlint.yml. */
    public static final String DISCOVERED_SERVER = "default";

    /** The model and the configuration it came from. */
    public record Loaded(Deployment model, ProjectConfig config) {
    }

    private final LintRequest request;
    private final ProjectPaths rootPaths;
    private final List<ReadProblem> problems = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<UnusedKey> unused = new ArrayList<>();
    private final Map<Path, Optional<BuildFileVersions.Found>> buildVersions = new java.util.HashMap<>();

    private ProjectLoader(LintRequest request) {
        this.request = request;
        this.rootPaths = new ProjectPaths(request.projectRoot(), Map.of());
    }

    /**
     * Loads the project.
     *
     * @throws ConnlintException when an explicitly named connlint.yml does not exist
     */
    public static Loaded load(LintRequest request) {
        return new ProjectLoader(request).load();
    }

    private Loaded load() {
        Optional<Path> configFile = request.configFile();
        if (configFile.isPresent() && !Files.isRegularFile(configFile.get())) {
            throw new ConnlintException("config file " + configFile.get() + " does not exist");
        }
        Path defaultConfig = request.projectRoot().resolve(LintRequest.CONFIG_FILE_NAME);
        if (configFile.isEmpty() && Files.isRegularFile(defaultConfig)) {
            configFile = Optional.of(defaultConfig);
        }
        if (configFile.isEmpty()) {
            Deployment model = Discovery.discover(request, rootPaths);
            return new Loaded(model, ProjectConfig.none());
        }
        ProjectConfig config;
        try {
            config = ConnlintYamlReader.read(TextFile.read(configFile.get(), rootPaths.display(configFile.get())));
        } catch (TextFile.Unreadable e) {
            ReadProblem p = e.problem();
            config = new ProjectConfig(Optional.of(p.at().path()), Map.of(), Map.of(), Map.of(),
                    List.of(ReadProblem.configInvalid(p.at(), p.message())));
        }
        problems.addAll(config.problems());
        List<DatabaseServer> servers = new ArrayList<>();
        for (ServerDecl decl : config.servers().values()) {
            servers.add(server(decl));
        }
        List<ClientPool> pools = new ArrayList<>();
        for (AppDecl app : config.apps().values()) {
            pools.addAll(pools(app, config));
        }
        Map<String, String> links = link(servers, pools);
        Deployment model = new Deployment(request.projectRoot().toString(), servers, pools, links, problems, notes,
                unused, List.of(), false);
        return new Loaded(model, config);
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
        } else {
            notes.add(new Note(decl.at(), "server " + decl.id() + " declares no engine; assumed " + engine.id()));
        }
        ProjectPaths paths = new ProjectPaths(request.projectRoot(), decl.pathMap());
        OptionFileReader reader = new OptionFileReader(paths, engine);
        List<String> filesRead = new ArrayList<>();
        List<OptionEntry> entries = new ArrayList<>();
        for (Setting<String> file : decl.optionFiles()) {
            Optional<Path> path = existingFile(file);
            if (path.isEmpty()) {
                continue;
            }
            OptionFiles read = reader.read(path.get());
            filesRead.addAll(read.filesRead());
            entries.addAll(read.entries());
            problems.addAll(read.problems());
            notes.addAll(read.notes());
            unused.addAll(groupsNotRead(read, decl.id(), engine));
        }
        Optional<Path> persistedFile = decl.persisted().flatMap(this::existingFile);
        if (persistedFile.isPresent()) {
            persisted(persistedFile.get(), engine, filesRead, entries);
        }
        Setting<Long> reserved = decl.reserved().orElseGet(() -> Setting.assumed("reserved", 0L,
                "no reserved connections declared for server " + decl.id()));
        List<String> hosts = decl.hosts().stream().map(Setting::value).toList();
        java.util.SortedMap<String, Setting<?>> variables = ServerVariablesBuilder.build(entries, engine, notes,
                decl.openFilesLimit());
        unused.addAll(overridden(entries, decl.id(), variables));
        return new DatabaseServer(decl.id(), engine, filesRead, variables,
                decl.ramMb(), decl.openFilesLimit(), reserved, hosts, Optional.of(decl.at()));
    }

    /** Server variables set more than once: every one but the last is overridden (CL506). */
    static List<UnusedKey> overridden(List<OptionEntry> entries, String server, Map<String, Setting<?>> variables) {
        Map<String, Integer> last = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            io.connlint.core.read.mycnf.OptionValues.variableName(entries.get(i).name())
                    .ifPresent(name -> last.put(name, index));
        }
        List<UnusedKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            OptionEntry e = entries.get(i);
            Optional<String> name = io.connlint.core.read.mycnf.OptionValues.variableName(e.name());
            if (name.isEmpty() || last.get(name.get()) == i
                    || io.connlint.core.model.ServerVariable.byName(name.get()).isEmpty()) {
                continue;
            }
            Setting<?> winner = variables.get(name.get());
            String where = winner == null ? "a later setting" : winner.origin().describe() + " (" + winner.raw() + ")";
            keys.add(new UnusedKey(e.at(), e.name(), server, UnusedKey.Kind.OVERRIDDEN, where, List.of()));
        }
        return keys;
    }

    /** Server variables set in groups the server does not read: silently ignored (CL505). */
    static List<UnusedKey> groupsNotRead(OptionFiles read, String server, ServerEngine engine) {
        List<UnusedKey> keys = new ArrayList<>();
        for (OptionEntry e : read.ignored()) {
            Optional<String> variable = io.connlint.core.read.mycnf.OptionValues.variableName(e.name());
            if (variable.isPresent() && io.connlint.core.model.ServerVariable.byName(variable.get()).isPresent()) {
                keys.add(new UnusedKey(e.at(), e.name(), server, UnusedKey.Kind.GROUP_NOT_READ, "[" + e.group() + "]",
                        engine.serverGroups()));
            }
        }
        return keys;
    }

    /**
     * {@code SET PERSIST} values (MySQL 8 {@code mysqld-auto.cnf}): applied after every option file,
     * so they win. MariaDB has no SET PERSIST and does not read the file.
     */
    private void persisted(Path file, ServerEngine engine, List<String> filesRead, List<OptionEntry> entries) {
        String display = rootPaths.display(file);
        if (engine.isMariaDb() || engine.major() < 8) {
            notes.add(new Note(SourceLocation.startOf(display), engine.id() + " has no SET PERSIST and does not read "
                    + "mysqld-auto.cnf; its values are ignored"));
            return;
        }
        try {
            PersistedVariables.Result persisted = PersistedVariables.read(TextFile.read(file, display));
            problems.addAll(persisted.problems());
            entries.addAll(persisted.entries());
            filesRead.add(display);
        } catch (TextFile.Unreadable e) {
            problems.add(e.problem());
        }
    }

    /** The file a connlint.yml entry names, or a CL901 problem at the entry. */
    private Optional<Path> existingFile(Setting<String> entry) {
        Path path = request.projectRoot().resolve(entry.value()).normalize();
        if (!Files.isRegularFile(path)) {
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
        Scaling scaling = scaling(app);
        Setting<Long> instances = scaling.instances();
        Setting<Long> processes = app.processes().orElseGet(() -> Setting.derived("processes", 1L,
                "one process per instance"));
        Optional<Setting<String>> server = app.server();
        if (server.isPresent() && !config.servers().containsKey(server.get().value())) {
            Setting<String> s = server.get();
            problems.add(ReadProblem.configInvalid(s.location().orElse(app.at()), "apps." + app.id() + ".server '"
                    + s.value() + "' is not a declared server" + io.connlint.core.read.Similar.hint(s.value(),
                    config.servers().keySet())));
            server = Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (Setting<String> file : app.config()) {
            existingFile(file).ifPresent(files::add);
        }
        List<Path> spring = files.stream().filter(ProjectLoader::isSpring).toList();
        List<Path> django = files.stream().filter(ProjectLoader::isPython).toList();
        List<Path> others = files.stream().filter(f -> !isSpring(f) && !isPython(f)).toList();
        List<ClientPool> pools = new ArrayList<>();
        Optional<Gunicorn> gunicorn = app.gunicorn().flatMap(this::existingFile).map(f -> gunicorn(f, app.env()));
        if (gunicorn.isPresent() && app.processes().isEmpty()) {
            processes = gunicorn.get().workers();
        }
        PoolContext context = new PoolContext(app.id(), instances, processes, server, Optional.of(app.at()),
                scaling.rollout(), scaling.maximum(), app.hikariVersion());
        for (Path file : django) {
            pools.addAll(djangoPools(file, app.env(), context, gunicorn, true,
                    django.size() == 1 && spring.isEmpty() && others.isEmpty()));
        }
        if (!spring.isEmpty()) {
            pools.addAll(springPools(spring, app.profiles().stream().map(Setting::value).toList(), app.env(), app.at(),
                    context, true, others.isEmpty()));
        }
        for (Path file : others) {
            String id = others.size() == 1 && spring.isEmpty() ? app.id() : app.id() + "/" + file.getFileName();
            readPool(file, id, context).ifPresent(pools::add);
        }
        return pools;
    }

    static boolean isPython(Path file) {
        return file.getFileName().toString().endsWith(".py");
    }

    /** A gunicorn config file's workers and threads. */
    Gunicorn gunicorn(Path file, Map<String, String> env) {
        PythonModule module = PythonReader.read(file, env, rootPaths);
        problems.addAll(module.problems());
        notes.addAll(module.notes());
        Gunicorn gunicorn = Gunicorn.read(module, env);
        notes.addAll(gunicorn.notes());
        return gunicorn;
    }

    /**
     * The connections a Django settings module opens: one pool per MySQL alias, as many
     * connections per process as the process has threads.
     */
    List<ClientPool> djangoPools(Path file, Map<String, String> env, PoolContext context, Optional<Gunicorn> gunicorn,
                                 boolean declared, boolean onlySource) {
        PythonModule module = PythonReader.read(file, env, rootPaths);
        problems.addAll(module.problems());
        notes.addAll(module.notes());
        DjangoSettings.Result django = DjangoSettings.read(context.app(), module, rootPaths, declared);
        problems.addAll(django.problems());
        notes.addAll(django.notes());
        unused.addAll(django.unused());
        Setting<Long> threads = gunicorn.map(Gunicorn::threadsPerWorker).orElseGet(() -> Setting.derived("threads", 1L,
                "one thread per process (no gunicorn config declared)"));
        List<String> files = new ArrayList<>(module.filesRead());
        files.addAll(django.filesRead());
        List<ClientPool> pools = new ArrayList<>();
        for (DjangoSettings.DjangoAlias alias : django.aliases()) {
            String id = django.aliases().size() == 1 && onlySource ? context.app() : context.app() + "/" + alias.alias();
            java.util.SortedMap<String, Setting<?>> settings = new java.util.TreeMap<>(alias.settings());
            settings.put(ClientPool.MAXIMUM_POOL_SIZE, threads);
            pools.add(new ClientPool(id, context.app(), PoolKind.DJANGO, files, alias.target(), settings,
                    context.instances(), context.processes(), context.server(), context.declaredAt(), List.of(),
                    context.rollout(), context.maximum()));
        }
        return pools;
    }

    /** How many instances run: steadily, during a rolling deploy, at the autoscaling ceiling. */
    private record Scaling(Setting<Long> instances, Optional<Setting<Long>> rollout, Optional<Setting<Long>> maximum) {
    }

    /**
     * Instances from connlint.yml, else from the app's Kubernetes manifest (Deployment or
     * StatefulSet {@code replicas}, default 1); the rolling-update surge ({@code maxSurge} in
     * connlint.yml, else the Deployment's, else Kubernetes' 25%; a StatefulSet replaces pods one by
     * one without surge) and the autoscaling ceiling ({@code maxInstances}, else a
     * HorizontalPodAutoscaler's {@code maxReplicas} whose scaleTargetRef names the workload).
     */
    private Scaling scaling(AppDecl app) {
        Optional<KubernetesManifests.Workload> workload = Optional.empty();
        List<KubernetesManifests.Autoscaler> autoscalers = List.of();
        Optional<Path> manifest = app.deployment().flatMap(this::existingFile);
        if (manifest.isPresent()) {
            String display = rootPaths.display(manifest.get());
            try {
                KubernetesManifests.Result k8s = KubernetesManifests.read(TextFile.read(manifest.get(), display));
                autoscalers = k8s.autoscalers();
                List<KubernetesManifests.Workload> workloads = k8s.workloads();
                workload = workloads.size() == 1 ? Optional.of(workloads.get(0))
                        : workloads.stream().filter(w -> w.name().equals(app.id())).findFirst();
                if (workload.isEmpty()) {
                    notes.add(new Note(SourceLocation.startOf(display), workloads.isEmpty()
                            ? "no Deployment or StatefulSet in this manifest; the instances of " + app.id() + " are not known"
                            : "several workloads and none named " + app.id() + "; the instances of " + app.id()
                                    + " are not known"));
                }
            } catch (TextFile.Unreadable e) {
                problems.add(e.problem());
            }
        }
        Optional<KubernetesManifests.Workload> w = workload;
        Setting<Long> instances = app.instances()
                .or(() -> w.map(x -> x.replicas().orElseGet(() -> Setting.engineDefault("replicas", 1L, "Kubernetes"))))
                .orElseGet(() -> Setting.assumed("instances", 1L, "apps." + app.id() + " declares no instances"));
        Optional<Setting<String>> surge = app.maxSurge().or(() -> w.filter(x -> x.kind().equals("Deployment"))
                .map(x -> x.maxSurge().orElseGet(() -> Setting.engineDefault("maxSurge", "25%", "Kubernetes"))));
        Optional<Setting<Long>> rollout = surge.filter(s -> s.value().trim().matches("\\d{1,9}%?")).map(s -> {
            long extra = surgeCount(s.value(), instances.effective());
            return Setting.derived("instances during rollout", instances.effective() + extra,
                    instances.effective() + " + maxSurge " + s.value() + " (" + s.origin().describe() + ") = "
                            + (instances.effective() + extra));
        });
        List<KubernetesManifests.Autoscaler> hpas = autoscalers;
        Optional<Setting<Long>> maximum = app.maxInstances().or(() -> w.flatMap(x -> hpas.stream()
                .filter(h -> h.targetName().equals(x.name()) && h.targetKind().equals(x.kind()))
                .map(KubernetesManifests.Autoscaler::maxReplicas).findFirst()));
        return new Scaling(instances, rollout, maximum);
    }

    /** maxSurge as Kubernetes reads it: a number of pods, or a percentage of replicas rounded up. */
    static long surgeCount(String surge, long replicas) {
        String s = surge.trim();
        if (s.endsWith("%")) {
            long percent = Long.parseLong(s.substring(0, s.length() - 1).trim());
            return (replicas * percent + 99) / 100;
        }
        return Long.parseLong(s);  // callers pass only digits, with or without %
    }

    /** What every pool of one app shares. */
    record PoolContext(String app, Setting<Long> instances, Setting<Long> processes, Optional<Setting<String>> server,
                       Optional<SourceLocation> declaredAt, Optional<Setting<Long>> rollout,
                       Optional<Setting<Long>> maximum, Optional<Setting<String>> hikariVersion) {
        PoolContext(String app, Setting<Long> instances, Setting<Long> processes, Optional<Setting<String>> server,
                    Optional<SourceLocation> declaredAt) {
            this(app, instances, processes, server, declaredAt, Optional.empty(), Optional.empty(), Optional.empty());
        }

        PoolContext withProcesses(Setting<Long> p) {
            return new PoolContext(app, instances, p, server, declaredAt, rollout, maximum, hikariVersion);
        }
    }

    /**
     * The HikariCP release an app's pools run and why: {@code hikariVersion} in connlint.yml, else
     * the nearest build file's HikariCP version or the one its Spring Boot version manages, else
     * the latest HikariCP.
     */
    Setting<String> hikariVersion(PoolContext context, Path configFile) {
        if (context.hikariVersion().isPresent()) {
            Setting<String> declared = context.hikariVersion().get();
            String v = HikariVersion.parse(declared.value()).orElse(HikariVersion.LATEST).toString();
            return new Setting<>(ClientPool.HIKARI_VERSION, v, declared.raw(), declared.origin(), v, Optional.empty());
        }
        // one look-up per directory: a repository of many pool files reads its build files once
        Optional<BuildFileVersions.Found> found = buildVersions.computeIfAbsent(
                configFile.toAbsolutePath().normalize().getParent(), dir -> BuildFileVersions.near(configFile, rootPaths));
        String latest = HikariVersion.LATEST.toString();
        if (found.isEmpty()) {
            return Setting.assumed(ClientPool.HIKARI_VERSION, latest, "no hikariVersion in connlint.yml and no HikariCP"
                    + " or Spring Boot version in a build file: the latest HikariCP");
        }
        BuildFileVersions.Found f = found.get();
        if (f.library().equals(BuildFileVersions.HIKARICP)) {
            Optional<HikariVersion> v = HikariVersion.parse(f.version()).filter(HikariVersion::isModelled);
            if (v.isPresent()) {
                return new Setting<>(ClientPool.HIKARI_VERSION, v.get().toString(), f.version(),
                        new io.connlint.core.model.Origin.InFile(f.at()), v.get().toString(), Optional.empty());
            }
            return Setting.assumed(ClientPool.HIKARI_VERSION, latest, "HikariCP " + f.version() + " (" + f.at()
                    + ") is not a release connlint models (" + HikariVersion.OLDEST + " to " + latest + "): the latest");
        }
        Optional<HikariVersion> bundled = HikariVersion.bundledWithSpringBoot(f.version());
        return bundled.map(v -> Setting.derived(ClientPool.HIKARI_VERSION, v.toString(), "Spring Boot " + f.version()
                        + " (" + f.at() + ") manages HikariCP " + v))
                .orElseGet(() -> Setting.assumed(ClientPool.HIKARI_VERSION, latest, "Spring Boot " + f.version() + " ("
                        + f.at() + ") is not in connlint's table of the HikariCP each Boot release manages: the latest"));
    }

    /** Spring Boot configuration: {@code application*.yml|yaml|properties}, and any other YAML named for an app. */
    static boolean isSpring(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
        return yaml || (name.startsWith("application") && name.endsWith(".properties"));
    }

    /** The pools of a Spring Boot application; the auto-configured one is named after the app. */
    List<ClientPool> springPools(List<Path> files, List<String> profiles, Map<String, String> env, SourceLocation envAt,
                                 PoolContext context, boolean declared, boolean onlySource) {
        Setting<String> version = hikariVersion(context, files.get(0));
        SpringConfigReader.Result spring = SpringConfigReader.read(context.app(), files, profiles, env, envAt, rootPaths,
                declared, HikariVersion.parse(version.value()).orElse(HikariVersion.LATEST));
        problems.addAll(spring.problems());
        notes.addAll(spring.notes());
        unused.addAll(spring.unused());
        List<ClientPool> pools = new ArrayList<>();
        for (SpringConfigReader.SpringPool p : spring.pools()) {
            String id = p.isMain() && onlySource ? context.app() : context.app() + "/" + p.prefix();
            java.util.SortedMap<String, Setting<?>> settings = new java.util.TreeMap<>(p.settings());
            if (p.kind() == PoolKind.SPRING_HIKARI) {
                settings.put(ClientPool.HIKARI_VERSION, version);
            }
            pools.add(new ClientPool(id, context.app(), p.kind(), spring.filesRead(), p.target(), settings,
                    context.instances(), context.processes(), context.server(), context.declaredAt(), p.rejected(),
                    context.rollout(), context.maximum()));
        }
        return pools;
    }

    /** Reads one pool configuration file; empty (with a note or problem) when it has no pool. */
    Optional<ClientPool> readPool(Path file, String id, PoolContext context) {
        String display = rootPaths.display(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".properties")) {
            notes.add(new Note(SourceLocation.startOf(display), "connlint does not read this kind of file yet;"
                    + " its pools are not in the budget"));
            return Optional.empty();
        }
        TextFile text;
        try {
            text = TextFile.read(file, display);
        } catch (TextFile.Unreadable e) {
            problems.add(e.problem());
            return Optional.empty();
        }
        HikariPropertiesReader.Result hikari;
        Setting<String> version = hikariVersion(context, file);
        try {
            hikari = HikariPropertiesReader.read(text, HikariVersion.parse(version.value()).orElse(HikariVersion.LATEST));
        } catch (TextFile.Unreadable e) {
            problems.add(e.problem());
            return Optional.empty();
        }
        java.util.SortedMap<String, Setting<?>> settings = new java.util.TreeMap<>(hikari.settings());
        settings.put(ClientPool.HIKARI_VERSION, version);
        return Optional.of(new ClientPool(id, context.app(), PoolKind.HIKARI, List.of(display), hikari.target(),
                settings, context.instances(), context.processes(), context.server(),
                context.declaredAt(),
                hikari.rejected(), context.rollout(), context.maximum()));
    }

    // ---- links --------------------------------------------------------------------------------

    /** Pool → server: the declared server, else a host match, else the only server. */
    private static Map<String, String> link(List<DatabaseServer> servers, List<ClientPool> pools) {
        Map<String, String> links = new LinkedHashMap<>();
        for (ClientPool pool : pools) {
            Optional<String> server = pool.server().map(Setting::value);
            if (server.isEmpty() && pool.target().isPresent()) {
                server = byHost(servers, pool.target().get().hosts());
            }
            if (server.isEmpty() && servers.size() == 1) {
                server = Optional.of(servers.get(0).id());
            }
            server.ifPresent(s -> links.put(pool.id(), s));
        }
        return links;
    }

    private static Optional<String> byHost(List<DatabaseServer> servers, List<HostPort> hosts) {
        for (DatabaseServer server : servers) {
            Set<HostPort> declared = new HashSet<>();
            server.hosts().forEach(h -> declared.add(HostPort.parse(h)));
            for (HostPort h : hosts) {
                for (HostPort d : declared) {
                    if (h.matches(d)) {
                        return Optional.of(server.id());
                    }
                }
            }
        }
        return Optional.empty();
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

    static ProjectLoader forDiscovery(LintRequest request) {
        return new ProjectLoader(request);
    }

    static Map<String, String> linkAll(List<DatabaseServer> servers, List<ClientPool> pools) {
        return link(servers, pools);
    }
}
