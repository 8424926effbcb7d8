package io.connlint.core.app;

import io.connlint.core.inventory.FileKind;
import io.connlint.core.inventory.Inventory;
import io.connlint.core.model.ClientPool;
import io.connlint.core.pool.AppPools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot's {@code application*.yml|yaml|properties}: every folder of them is one app, read
 * as Spring Boot reads one location (profiles, relaxed binding, placeholders).
 */
public final class SpringBootApps implements AppFormat {

    /** Spring Boot's {@code application*.properties|yml|yaml}. */
    public static final FileKind FILES = new FileKind("spring-config",
            (name, folder) -> name.startsWith("application")
                    && (name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml")));

    @Override
    public List<FileKind> fileKinds() {
        return List.of(FILES);
    }

    @Override
    public String id() {
        return "spring-boot";
    }

    @Override
    public boolean reads(Path file) {
        return AppPools.isSpring(file);
    }

    @Override
    public List<FoundApp> discover(Inventory inventory, AppNames names) {
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        inventory.of(FILES).forEach(f -> byFolder.computeIfAbsent(f.getParent(),
                d -> new ArrayList<>()).add(f));
        return byFolder.values().stream().map(files -> new FoundApp(names.of(files.get(0)), files)).toList();
    }

    @Override
    public List<ClientPool> pools(AppFiles app, AppPools reading) {
        if (app.files().isEmpty()) {
            return List.of();
        }
        return reading.spring(app.files(), app.profiles(), app.env(), app.envAt(), app.context(), app.declared(),
                app.onlySource());
    }
}
