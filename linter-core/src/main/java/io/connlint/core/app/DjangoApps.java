package io.connlint.core.app;

import io.connlint.core.inventory.FileKind;
import io.connlint.core.inventory.Inventory;
import io.connlint.core.model.ClientPool;
import io.connlint.core.pool.AppPools;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.TextFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Django settings modules, read statically: each is one app with one pool per MySQL alias and as
 * many connections per process as the process has threads (gunicorn's, when the project has one
 * gunicorn configuration).
 */
public final class DjangoApps implements AppFormat {

    /** Python modules: Django settings and gunicorn configuration among them. */
    public static final FileKind FILES = new FileKind("python", (name, folder) -> name.endsWith(".py"));

    @Override
    public List<FileKind> fileKinds() {
        return List.of(FILES);
    }

    @Override
    public String id() {
        return "django";
    }

    @Override
    public boolean reads(Path file) {
        return AppPools.isPython(file);
    }

    @Override
    public List<FoundApp> discover(Inventory inventory, AppNames names) {
        List<Path> python = inventory.of(FILES);
        List<Path> gunicorns = python.stream().filter(DjangoApps::isGunicorn).toList();
        Optional<Path> gunicorn = gunicorns.size() == 1 ? Optional.of(gunicorns.get(0)) : Optional.empty();
        return settingsModules(python).stream()
                .map(f -> new FoundApp(names.ofPythonPackage(f), List.of(f), gunicorn)).toList();
    }

    @Override
    public List<ClientPool> pools(AppFiles app, AppPools reading) {
        List<ClientPool> pools = new ArrayList<>();
        for (Path file : app.files()) {
            pools.addAll(reading.django(file, app.env(), app.context(), app.gunicorn(), app.declared(),
                    app.files().size() == 1 && app.onlySource()));
        }
        return pools;
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
    static List<Path> settingsModules(List<Path> pythonFiles) {
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
                        .filter(DjangoApps::mentionsDatabases).findFirst();
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
            return FileAccess.size(f) < 1_000_000 && new String(TextFile.readBytes(f, f.toString()),
                    StandardCharsets.UTF_8).contains("DATABASES");
        } catch (TextFile.Unreadable | IOException | RuntimeException e) {
            return false;
        }
    }
}
