package io.connlint.core.engine;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.inventory.FileKinds;
import io.connlint.core.inventory.Inventory;
import io.connlint.core.inventory.Selection;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.django.Gunicorn;
import io.connlint.core.server.EngineGuess;
import io.connlint.core.server.OpenFiles;
import io.connlint.core.server.ServerAssembly;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Without connlint.yml: every option file ({@code *.cnf}) not included by another is read as a
 * top-level file of one server; every HikariCP properties file ({@code hikari*.properties}) is
 * one app's pool, and every directory of Spring Boot files ({@code application*.yml|yaml|properties})
 * one app, with one instance assumed (CL702 says so).
 */
final class Discovery {

    private Discovery() {
    }

    static Deployment discover(LintRequest request, ProjectPaths paths, Selection selection) {
        Inventory inventory = Inventory.walk(paths, FileKinds.ALL, selection);
        List<Path> optionFiles = inventory.of(FileKinds.OPTION_FILE);
        List<Path> poolFiles = inventory.of(FileKinds.HIKARI_PROPERTIES);
        List<Path> springFiles = inventory.of(FileKinds.SPRING_CONFIG);
        List<Path> pythonFiles = inventory.of(FileKinds.PYTHON);

        ProjectLoader loader = ProjectLoader.forDiscovery(request);
        loader.problems().addAll(inventory.problems());
        ComposeFiles.Project compose = loader.rootCompose();
        List<DatabaseServer> servers = new ArrayList<>();
        ServerRuntime runtime = compose.databases().size() == 1 ? loader.discoveredRuntime(compose) : ServerRuntime.NONE;
        if (!optionFiles.isEmpty() || runtime != ServerRuntime.NONE) {
            servers.add(server(optionFiles, runtime, paths, loader, compose));
        }
        List<ClientPool> pools = new ArrayList<>();
        Map<String, Integer> appCount = new LinkedHashMap<>();
        for (Path file : poolFiles) {
            String app = appName(file, request);
            int n = appCount.merge(app, 1, Integer::sum);
            String id = n == 1 ? app : app + "#" + n;
            loader.readPool(file, id, context(id, compose)).ifPresent(pools::add);
        }
        Map<Path, List<Path>> springByDirectory = new LinkedHashMap<>();
        springFiles.forEach(f -> springByDirectory.computeIfAbsent(f.getParent(), d -> new ArrayList<>()).add(f));
        for (List<Path> files : springByDirectory.values()) {
            String app = appName(files.get(0), request);
            int n = appCount.merge(app, 1, Integer::sum);
            String id = n == 1 ? app : app + "#" + n;
            pools.addAll(loader.springPools(files, List.of(), Map.of(), SourceLocation.startOf(
                    paths.display(files.get(0))), context(id, compose), false, true));
        }
        List<Path> gunicornFiles = pythonFiles.stream().filter(Discovery::isGunicorn).toList();
        List<Path> settingsModules = djangoSettings(pythonFiles);
        Optional<Gunicorn> gunicorn = Optional.empty();
        if (gunicornFiles.size() == 1 && !settingsModules.isEmpty()) {
            gunicorn = Optional.of(loader.gunicorn(gunicornFiles.get(0), Map.of()));
        }
        for (Path settings : settingsModules) {
            String app = djangoAppName(settings, request);
            int n = appCount.merge(app, 1, Integer::sum);
            String id = n == 1 ? app : app + "#" + n;
            ProjectLoader.PoolContext context = context(id, compose);
            if (gunicorn.isPresent()) {
                context = context.withProcesses(gunicorn.get().workers());
            }
            pools.addAll(loader.djangoPools(settings, Map.of(), context, gunicorn, false, true));
        }
        return new Deployment(request.projectRoot().toString(), servers, pools, ProjectLoader.linkAll(servers, pools),
                loader.problems(), loader.notes(), loader.unused(), List.of(), true);
    }

    /** A Django project is named by its package: {@code mysite/settings.py}, {@code mysite/settings/prod.py}. */
    private static String djangoAppName(Path settings, LintRequest request) {
        Path dir = settings.getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("settings")) {
            dir = dir.getParent();
        }
        if (dir == null || dir.equals(request.projectRoot()) || dir.getFileName() == null) {
            return appName(settings, request);
        }
        return dir.getFileName().toString();
    }

    static boolean isGunicorn(Path file) {
        String name = file.getFileName().toString();
        return name.equals("gunicorn.conf.py") || name.equals("gunicorn_conf.py") || name.equals("gunicorn_config.py");
    }

    /**
     * The Django settings modules to read: {@code settings.py}, or in a {@code settings/} package
     * the production module ({@code production.py}, {@code prod.py}) when there is one, else
     * {@code settings.py}/{@code base.py}/{@code __init__.py} — modules that mention DATABASES.
     */
    static List<Path> djangoSettings(List<Path> pythonFiles) {
        List<Path> modules = new ArrayList<>();
        Map<Path, List<Path>> packages = new LinkedHashMap<>();
        for (Path f : pythonFiles) {
            String name = f.getFileName().toString();
            Path dir = f.getParent();
            if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("settings")) {
                packages.computeIfAbsent(dir, d -> new ArrayList<>()).add(f);
            } else if (name.equals("settings.py") && mentionsDatabases(f)) {
                modules.add(f);
            }
        }
        for (List<Path> files : packages.values()) {
            for (String preferred : List.of("production.py", "prod.py", "settings.py", "base.py", "__init__.py")) {
                Optional<Path> chosen = files.stream().filter(f -> f.getFileName().toString().equals(preferred))
                        .filter(Discovery::mentionsDatabases).findFirst();
                if (chosen.isPresent()) {
                    modules.add(chosen.get());
                    break;
                }
            }
        }
        return modules;
    }

    private static boolean mentionsDatabases(Path f) {
        try {
            return FileAccess.size(f) < 1_000_000 && new String(io.connlint.core.read.TextFile.readBytes(f, f.toString()),
                    java.nio.charset.StandardCharsets.UTF_8).contains("DATABASES");
        } catch (io.connlint.core.read.TextFile.Unreadable | IOException | RuntimeException e) {
            return false;
        }
    }

    /** One instance assumed, unless the root compose file has a service of the app's name with its replicas. */
    private static ProjectLoader.PoolContext context(String app, ComposeFiles.Project compose) {
        Setting<Long> instances = Optional.ofNullable(compose.services().get(app)).flatMap(ComposeFiles.Service::replicas)
                .orElseGet(() -> Setting.assumed("instances", 1L, "no connlint.yml declares how many instances of "
                        + app + " run"));
        Setting<Long> processes = Setting.derived("processes", 1L, "one process per instance");
        return new ProjectLoader.PoolContext(app, instances, processes, Optional.empty(), Optional.empty());
    }

    private static DatabaseServer server(List<Path> optionFiles, ServerRuntime runtime, ProjectPaths rootPaths,
                                         ProjectLoader loader, ComposeFiles.Project compose) {
        ServerEngine engine = runtime.engine(ProjectLoader.DISCOVERED_SERVER, loader.sink())
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
        OpenFiles openFiles = loader.openFiles(Optional.empty(), ProjectLoader.DISCOVERED_SERVER, 1);
        return assembly.assemble(openFiles).server(ProjectLoader.DISCOVERED_SERVER, Optional.empty(), reserved,
                runtime.hosts(), Optional.empty());
    }

    /** MariaDB when the compose database image or a file's MariaDB-only group says so, MySQL 8.0 otherwise. */
    private static ServerEngine guessEngine(List<Path> files, ComposeFiles.Project compose) {
        return EngineGuess.of(files, compose.databases().size() == 1 ? compose.databases().get(0).image()
                : Optional.empty());
    }

    /** The app a pool file belongs to: its build module, or the directory above {@code src}. */
    private static String appName(Path file, LintRequest request) {
        Path best = null;
        for (Path module : request.moduleRoots()) {
            if (file.startsWith(module) && !module.equals(request.projectRoot())
                    && (best == null || module.getNameCount() > best.getNameCount())) {
                best = module;
            }
        }
        if (best != null) {
            return best.getFileName().toString();
        }
        Path rel = request.projectRoot().relativize(file);
        for (int i = 0; i < rel.getNameCount(); i++) {
            if (rel.getName(i).toString().equals("src") && i > 0) {
                return rel.getName(i - 1).toString();
            }
        }
        Path parent = rel.getParent();
        return parent != null ? parent.getFileName().toString()
                : file.getFileName().toString().replaceFirst("\\.properties$", "");
    }
}
