package io.connlint.core.pool;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Note;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.django.DjangoSettings;
import io.connlint.core.read.django.Gunicorn;
import io.connlint.core.read.hikari.HikariVersion;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.python.PythonModule;
import io.connlint.core.read.python.PythonReader;
import io.connlint.core.read.spring.BuildFileVersions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pools of an app, by the framework its configuration files belong to: Spring Boot files, a
 * HikariCP properties file, a Django settings module (with gunicorn's processes and threads). What
 * cannot be read, what was assumed and the keys nothing reads go to the lists given.
 */
public final class AppPools {

    private final ProjectPaths paths;
    private final Map<Path, Optional<BuildFileVersions.Found>> buildVersions;
    private final List<ReadProblem> problems;
    private final List<Note> notes;
    private final List<UnusedKey> unused;

    /**
     * @param buildVersions each directory's nearest build file answer, shared by the reads of one run
     */
    public AppPools(ProjectPaths paths, Map<Path, Optional<BuildFileVersions.Found>> buildVersions,
                    List<ReadProblem> problems, List<Note> notes, List<UnusedKey> unused) {
        this.paths = paths;
        this.buildVersions = buildVersions;
        this.problems = problems;
        this.notes = notes;
        this.unused = unused;
    }

    /** Spring Boot configuration: {@code application*.yml|yaml|properties}, and any other YAML named for an app. */
    public static boolean isSpring(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
        return yaml || (name.startsWith("application") && name.endsWith(".properties"));
    }

    /** A Python module: a Django settings module or a gunicorn config. */
    public static boolean isPython(Path file) {
        return file.getFileName().toString().endsWith(".py");
    }

    /** The pools of a Spring Boot application; the auto-configured one is named after the app. */
    public List<ClientPool> spring(List<Path> files, List<String> profiles, Map<String, String> env, SourceLocation envAt,
                                   PoolContext context, boolean declared, boolean onlySource) {
        Setting<String> version = hikariVersion(context, files.get(0));
        SpringPools.Result spring = SpringPools.read(context.app(), files, profiles, env, envAt, paths, declared,
                Map.of(HikariCp.INSTANCE.name(), version.value()));
        problems.addAll(spring.problems());
        notes.addAll(spring.notes());
        unused.addAll(spring.unused());
        List<ClientPool> pools = new ArrayList<>();
        for (SpringPools.SpringPool p : spring.pools()) {
            String id = p.isMain() && onlySource ? context.app() : context.app() + "/" + p.prefix();
            Optional<Setting<String>> release = p.library() == HikariCp.INSTANCE ? Optional.of(version) : Optional.empty();
            pools.add(context.pool(id, p.binding().kind(), spring.filesRead(), p.target(),
                    p.library().values(p.settings()), release, p.rejected()));
        }
        return pools;
    }

    /** Reads one pool configuration file; empty (with a note or problem) when it has no pool. */
    public Optional<ClientPool> file(Path file, String id, PoolContext context) {
        String display = paths.display(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".properties")) {
            notes.add(new Note(SourceLocation.startOf(display), "connlint does not read this kind of file yet;"
                    + " its pools are not in the budget"));
            return Optional.empty();
        }
        HikariPropertiesFile.Result hikari;
        try {
            TextFile text = TextFile.read(file, display);
            Setting<String> version = hikariVersion(context, file);
            hikari = HikariPropertiesFile.read(text, HikariVersion.parse(version.value()).orElse(HikariVersion.LATEST));
            return Optional.of(context.pool(id, PoolKind.HIKARI, List.of(display), hikari.target(), hikari.values(),
                    Optional.of(version), hikari.rejected()));
        } catch (TextFile.Unreadable e) {
            problems.add(e.problem());
            return Optional.empty();
        }
    }

    /** A gunicorn config file's workers and threads. */
    public Gunicorn gunicorn(Path file, Map<String, String> env) {
        PythonModule module = PythonReader.read(file, env, paths);
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
    public List<ClientPool> django(Path file, Map<String, String> env, PoolContext context, Optional<Gunicorn> gunicorn,
                                   boolean declared, boolean onlySource) {
        PythonModule module = PythonReader.read(file, env, paths);
        problems.addAll(module.problems());
        notes.addAll(module.notes());
        DjangoSettings.Result django = DjangoSettings.read(context.app(), module, paths, declared);
        problems.addAll(django.problems());
        notes.addAll(django.notes());
        unused.addAll(django.unused());
        Setting<Long> threads = gunicorn.map(Gunicorn::threadsPerWorker).orElseGet(() -> Setting.derived(
                DjangoConnections.THREADS, 1L, "one thread per process (no gunicorn config declared)"));
        List<String> files = new ArrayList<>(module.filesRead());
        files.addAll(django.filesRead());
        List<ClientPool> pools = new ArrayList<>();
        for (DjangoSettings.DjangoAlias alias : django.aliases()) {
            String id = django.aliases().size() == 1 && onlySource ? context.app() : context.app() + "/" + alias.alias();
            List<PoolValue> values = DjangoConnections.INSTANCE.values(alias.connMaxAge(), alias.healthChecks(), threads);
            pools.add(context.pool(id, PoolKind.DJANGO, files, alias.target(), values, Optional.empty(), List.of()));
        }
        return pools;
    }

    /** The HikariCP release an app's pools run and why ({@link HikariReleases}). */
    public Setting<String> hikariVersion(PoolContext context, Path configFile) {
        return HikariReleases.of(context.hikariVersion(), configFile, paths, buildVersions);
    }
}
