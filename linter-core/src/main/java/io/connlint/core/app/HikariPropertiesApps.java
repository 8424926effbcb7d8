package io.connlint.core.app;

import io.connlint.core.inventory.FileKind;
import io.connlint.core.inventory.Inventory;
import io.connlint.core.model.ClientPool;
import io.connlint.core.pool.AppPools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * HikariCP's own properties files: each discovered {@code hikari*.properties} is one app's pool.
 * A file connlint.yml names that no other format reads comes here too, and is noted as not read
 * when it is no properties file.
 */
public final class HikariPropertiesApps implements AppFormat {

    /** HikariCP's own properties files. */
    public static final FileKind FILES = new FileKind("hikari-properties",
            (name, folder) -> name.startsWith("hikari") && name.endsWith(".properties"));

    @Override
    public List<FileKind> fileKinds() {
        return List.of(FILES);
    }

    @Override
    public String id() {
        return "hikari-properties";
    }

    @Override
    public boolean reads(Path file) {
        return !AppPools.isSpring(file) && !AppPools.isPython(file);
    }

    @Override
    public List<FoundApp> discover(Inventory inventory, AppNames names) {
        return inventory.of(FILES).stream()
                .map(f -> new FoundApp(names.of(f), List.of(f))).toList();
    }

    @Override
    public List<ClientPool> pools(AppFiles app, AppPools reading) {
        List<ClientPool> pools = new ArrayList<>();
        String appId = app.context().app();
        for (Path file : app.files()) {
            String id = app.files().size() == 1 && app.onlySource() ? appId : appId + "/" + file.getFileName();
            reading.file(file, id, app.context()).ifPresent(pools::add);
        }
        return pools;
    }
}
