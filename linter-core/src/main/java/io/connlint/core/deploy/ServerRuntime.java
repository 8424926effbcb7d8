package io.connlint.core.deploy;

import io.connlint.core.read.FileAccess;
import io.connlint.core.config.ServerDecl;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.read.compose.ComposeFiles;
import io.connlint.core.read.k8s.KubernetesManifests;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.mycnf.ServerCommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a server runs, when a compose file or a Kubernetes manifest says: the command-line flags
 * of its container, the repository paths mounted over its configuration directories (used as
 * {@code pathMap}, and as its option files when connlint.yml names none), and the names clients
 * reach it by (the compose service name; the names of the Kubernetes Services selecting its pods).
 *
 * @param commandLine entries of the server's command line, applied after the option files
 * @param pathMap     server path → project path, from bind mounts
 * @param optionFiles option files mounted into the container, in mount order
 * @param hosts       the names clients reach the server by
 * @param image       the container image and where it is written, when known
 */
public record ServerRuntime(List<OptionEntry> commandLine, Map<String, String> pathMap, List<Path> optionFiles,
                     List<String> hosts, Optional<Setting<String>> image) {

    public static final ServerRuntime NONE = new ServerRuntime(List.of(), Map.of(), List.of(), List.of(), Optional.empty());

    /** The engine the image's tag names ({@link ComposeFiles#engineOf}), with a note saying where it came from. */
    public Optional<io.connlint.core.model.ServerEngine> engine(String server, Sink sink) {
        return image.flatMap(i -> ComposeFiles.engineOf(i.value()).flatMap(io.connlint.core.model.ServerEngine::parse)
                .map(e -> {
                    sink.note(new Note(i.location().orElseThrow(), "server " + server + " declares no engine; "
                            + e.id() + " from its image " + i.value()));
                    return e;
                }));
    }

    /** The directories and files of the MySQL family's configuration inside a container. */
    private static final List<String> CONFIG_TARGETS = List.of("/etc/mysql", "/etc/my.cnf");

    /** What the resolution needs from the loader. */
    public interface Sink {
        void problem(ReadProblem p);

        void note(Note n);

        Optional<Path> existingFile(Setting<String> entry);

        /** The files of {@code deployment:} entries: a file as it is, a folder's *.yaml and *.yml files sorted. */
        List<Path> deploymentFiles(List<Setting<String>> entries);

        /** A deployment file, read once: compose services, else Kubernetes objects (problems reported once). */
        DeploymentFile read(Path file);
    }

    /**
     * The runtime of {@code decl}: from the files its {@code deployment:} names, else from the
     * project root's compose files ({@code rootCompose}), whose MySQL-family service is taken
     * when its name is the server id or one of its hosts, or when it is the only one and
     * connlint.yml declares only this server.
     */
    public static ServerRuntime resolve(ServerDecl decl, ComposeFiles.Project rootCompose, boolean onlyServer,
                                 ProjectPaths paths, Sink sink) {
        if (decl.deployment().isEmpty()) {
            return fromCompose(decl, rootCompose, onlyServer, paths, sink).orElse(NONE);
        }
        List<KubernetesManifests.Result> manifests = new ArrayList<>();
        for (Path file : sink.deploymentFiles(decl.deployment())) {
            DeploymentFile read = sink.read(file);
            if (read.compose().isPresent()) {
                Optional<ServerRuntime> runtime = fromCompose(decl, read.compose().get(), true, paths, sink);
                if (runtime.isPresent()) {
                    return runtime.get();
                }
            }
            read.kubernetes().ifPresent(manifests::add);
        }
        Optional<ServerRuntime> runtime = fromKubernetes(decl, KubernetesManifests.merge(manifests), sink);
        if (runtime.isPresent()) {
            return runtime.get();
        }
        sink.note(new Note(decl.deployment().get(0).location().orElse(decl.at()), "no compose service or Kubernetes"
                + " workload in servers." + decl.id() + ".deployment runs server " + decl.id()
                + " (by its name, one of its hosts, or a mysql/mariadb/percona image)"));
        return NONE;
    }

    private static Optional<ServerRuntime> fromCompose(ServerDecl decl, ComposeFiles.Project compose,
                                                       boolean takeTheOnlyDatabase, ProjectPaths paths, Sink sink) {
        if (compose.isEmpty()) {
            return Optional.empty();
        }
        List<String> hostNames = decl.hosts().stream().map(h -> io.connlint.core.model.HostPort.parse(h.value()).host())
                .toList();
        Optional<ComposeFiles.Service> service = Optional.ofNullable(compose.services().get(decl.id()))
                .or(() -> compose.services().values().stream().filter(s -> hostNames.contains(s.name())).findFirst());
        List<ComposeFiles.Service> databases = compose.databases();
        if (service.isEmpty() && takeTheOnlyDatabase && databases.size() == 1) {
            service = Optional.of(databases.get(0));
        }
        if (service.isEmpty()) {
            return Optional.empty();
        }
        ComposeFiles.Service s = service.get();
        ServerCommandLine.Result flags = ServerCommandLine.read(s.command(), "the command of compose service "
                + s.name());
        flags.notes().forEach(sink::note);
        Map<String, String> pathMap = new LinkedHashMap<>();
        List<Path> mounted = new ArrayList<>();
        for (ComposeFiles.Mount m : s.mounts()) {
            if (CONFIG_TARGETS.stream().noneMatch(t -> m.target().equals(t) || m.target().startsWith(t + "/")
                    || m.target().startsWith(t + "."))) {
                continue;
            }
            Path source = compose.directory().resolve(m.source()).normalize();
            if (!source.startsWith(paths.root()) || !FileAccess.exists(source)) {
                sink.note(new Note(m.at(), "the mount " + m.source() + ":" + m.target() + " names no file or"
                        + " folder of the project; it is not used as a pathMap"));
                continue;
            }
            pathMap.put(m.target(), paths.display(source));
            mounted.addAll(optionFilesIn(source));
        }
        List<String> hosts = new ArrayList<>(List.of(s.name()));
        Optional<Setting<String>> image = s.image().map(i -> Setting.written("image", i, i, s.imageAt().orElse(s.at())));
        return Optional.of(new ServerRuntime(flags.entries(), pathMap, mounted, hosts, image));
    }

    /** A mounted option file, or the {@code *.cnf} files of a mounted folder in sorted order (as !includedir). */
    private static List<Path> optionFilesIn(Path source) {
        if (FileAccess.isRegularFile(source)) {
            return source.getFileName().toString().endsWith(".cnf") ? List.of(source) : List.of();
        }
        try {
            return FileAccess.list(source).stream()
                    .filter(f -> f.getFileName().toString().endsWith(".cnf") && FileAccess.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<ServerRuntime> fromKubernetes(ServerDecl decl, KubernetesManifests.Result k8s, Sink sink) {
        List<String> hostNames = decl.hosts().stream().map(h -> io.connlint.core.model.HostPort.parse(h.value()).host())
                .toList();
        Optional<KubernetesManifests.Workload> workload = k8s.workloads().stream()
                .filter(w -> w.name().equals(decl.id()) || hostNames.contains(w.name())).findFirst();
        List<KubernetesManifests.Workload> databases = k8s.workloads().stream()
                .filter(w -> w.containers().stream().anyMatch(ServerRuntime::isDatabase)).toList();
        if (workload.isEmpty() && databases.size() == 1) {
            workload = Optional.of(databases.get(0));
        }
        if (workload.isEmpty()) {
            return Optional.empty();
        }
        KubernetesManifests.Workload w = workload.get();
        List<OptionEntry> entries = new ArrayList<>();
        Optional<KubernetesManifests.Container> container = w.containers().stream().filter(ServerRuntime::isDatabase)
                .findFirst().or(() -> w.containers().stream().findFirst());
        container.ifPresent(c -> {
            ServerCommandLine.Result flags = ServerCommandLine.read(c.commandLine(), "the command of container "
                    + c.name() + " of " + w.kind() + " " + w.name());
            flags.notes().forEach(sink::note);
            entries.addAll(flags.entries());
        });
        Optional<Setting<String>> image = container.flatMap(c -> c.image().map(i -> Setting.written("image", i, i,
                w.at())));
        List<String> hosts = new ArrayList<>();
        hosts.add(w.name());
        for (KubernetesManifests.Service service : k8s.services()) {
            if (service.selects(w)) {
                hosts.addAll(service.hostNames());
            }
        }
        return Optional.of(new ServerRuntime(entries, Map.of(), List.of(), hosts, image));
    }

    private static boolean isDatabase(KubernetesManifests.Container c) {
        return c.image().map(ComposeFiles::isMysqlImage).orElse(false);
    }

    /** Declared pathMap entries win over mounts at the same server path. */
    public Map<String, String> pathMap(Map<String, String> declared) {
        Map<String, String> merged = new LinkedHashMap<>(pathMap);
        merged.putAll(declared);
        return merged;
    }

}
