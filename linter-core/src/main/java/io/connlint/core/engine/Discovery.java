package io.connlint.core.engine;

import io.connlint.core.deploy.ServerRuntime;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Note;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.app.AppFiles;
import io.connlint.core.app.AppFormat;
import io.connlint.core.app.AppFormats;
import io.connlint.core.app.AppNames;
import io.connlint.core.app.FoundApp;
import io.connlint.core.inventory.FileKind;
import io.connlint.core.inventory.FileKinds;
import io.connlint.core.pool.AppPools;
import io.connlint.core.pool.PoolContext;
import io.connlint.core.inventory.Inventory;
import io.connlint.core.inventory.Selection;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.django.Gunicorn;
import io.connlint.core.server.EngineGuess;
import io.connlint.core.server.OpenFiles;
import io.connlint.core.server.ServerAssembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Without connlint.yml (or with one that declares no servers and no apps): every option file
 * ({@code *.cnf}) not included by another is read as a top-level file of one server, and every
 * registered {@link AppFormat} finds its apps in the inventory, each with one instance assumed
 * (CL702 says so).
 */
final class Discovery {

    private Discovery() {
    }

    static Deployment discover(LintRequest request, ProjectPaths paths, Selection selection) {
        List<FileKind> kinds = new ArrayList<>(FileKinds.ALL);
        kinds.addAll(AppFormats.fileKinds());
        Inventory inventory = Inventory.walk(paths, kinds, selection);
        List<Path> optionFiles = inventory.of(FileKinds.OPTION_FILE);

        ProjectLoader loader = ProjectLoader.forDiscovery(request);
        loader.problems().addAll(inventory.problems());
        loader.openFiles().found(inventory.of(FileKinds.SYSTEMD_UNIT));
        ComposeFiles.Project compose = loader.deployment().rootCompose();
        List<DatabaseServer> servers = new ArrayList<>();
        ServerRuntime runtime = compose.databases().size() == 1 ? loader.deployment().discoveredRuntime(compose) : ServerRuntime.NONE;
        if (!optionFiles.isEmpty() || runtime != ServerRuntime.NONE) {
            servers.add(server(optionFiles, runtime, paths, loader, compose));
        }
        List<ClientPool> pools = new ArrayList<>();
        Map<String, Integer> appCount = new LinkedHashMap<>();
        Map<Path, Gunicorn> gunicorns = new HashMap<>();
        AppNames names = new AppNames(request.projectRoot(), request.moduleRoots());
        AppPools reading = loader.appPools();
        for (AppFormat format : AppFormats.ALL) {
            for (FoundApp app : format.discover(inventory, names)) {
                int n = appCount.merge(app.name(), 1, Integer::sum);
                String id = n == 1 ? app.name() : app.name() + "#" + n;
                PoolContext context = context(id, compose);
                Optional<Gunicorn> gunicorn = app.gunicorn().map(f -> gunicorns.computeIfAbsent(f,
                        g -> reading.gunicorn(g, Map.of())));
                if (gunicorn.isPresent()) {
                    context = context.withProcesses(gunicorn.get().workers());
                }
                pools.addAll(format.pools(new AppFiles(app.files(), List.of(), Map.of(),
                        SourceLocation.startOf(paths.display(app.files().get(0))), context, gunicorn, false, true),
                        reading));
            }
        }
        return new Deployment(request.projectRoot().toString(), servers, pools, ProjectLoader.linkAll(servers, pools),
                loader.problems(), loader.notes(), loader.unused(), List.of(), true);
    }

    /** One instance assumed, unless the root compose file has a service of the app's name with its replicas. */
    private static PoolContext context(String app, ComposeFiles.Project compose) {
        Setting<Long> instances = Optional.ofNullable(compose.services().get(app)).flatMap(ComposeFiles.Service::replicas)
                .orElseGet(() -> Setting.assumed("instances", 1L, "no connlint.yml declares how many instances of "
                        + app + " run"));
        Setting<Long> processes = Setting.derived("processes", 1L, "one process per instance");
        return new PoolContext(app, instances, processes, Optional.empty(), Optional.empty());
    }

    private static DatabaseServer server(List<Path> optionFiles, ServerRuntime runtime, ProjectPaths rootPaths,
                                         ProjectLoader loader, ComposeFiles.Project compose) {
        ServerEngine engine = runtime.engine(ProjectLoader.DISCOVERED_SERVER, loader.deployment().sink())
                .orElseGet(() -> guessEngine(optionFiles, compose));
        ProjectPaths paths = new ProjectPaths(rootPaths.root(), runtime.pathMap(Map.of()));
        // the engine is guessed: option names are not checked against one version's list
        ServerAssembly assembly = new ServerAssembly(engine, false, paths, loader.problems()::add, loader.notes()::add);
        assembly.discoveredOptionFiles(optionFiles);
        assembly.commandLine(runtime.commandLine());
        SourceLocation first = optionFiles.isEmpty() ? compose.databases().get(0).at()
                : SourceLocation.startOf(paths.display(optionFiles.get(0)));
        loader.notes().add(new Note(first, "no connlint.yml: the option files found"
                + (runtime == ServerRuntime.NONE ? "" : " and the command line of compose service "
                        + compose.databases().get(0).name())
                + " are read as one " + engine.id() + " server"));
        Setting<Long> reserved = Setting.assumed("reserved", 0L, "no connlint.yml declares reserved connections");
        OpenFiles openFiles = loader.openFiles().of(Optional.empty(), ProjectLoader.DISCOVERED_SERVER, 1);
        return assembly.assemble(openFiles).server(ProjectLoader.DISCOVERED_SERVER, Optional.empty(), reserved,
                runtime.hosts(), Optional.empty());
    }

    /** MariaDB when the compose database image or a file's MariaDB-only group says so, MySQL 8.0 otherwise. */
    private static ServerEngine guessEngine(List<Path> files, ComposeFiles.Project compose) {
        return EngineGuess.of(files, compose.databases().size() == 1 ? compose.databases().get(0).image()
                : Optional.empty());
    }

}
