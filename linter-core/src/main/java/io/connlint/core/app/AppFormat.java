package io.connlint.core.app;

import io.connlint.core.inventory.FileKind;
import io.connlint.core.inventory.Inventory;
import io.connlint.core.model.ClientPool;
import io.connlint.core.pool.AppPools;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of application configuration (Spring Boot files, a HikariCP properties file, a Django
 * settings module, …): which files connlint.yml names for an app are its, how discovery finds its
 * apps in the inventory, and the pools an app's files open. Each is registered once in
 * {@link AppFormats#ALL}; the loader and discovery know no format by name.
 */
public interface AppFormat {

    /** A short name, for tests and messages. */
    String id();

    /** The kinds of file discovery looks for on this format's behalf. */
    List<FileKind> fileKinds();

    /** Whether a file connlint.yml names for an app is of this format. */
    boolean reads(Path file);

    /** The apps discovery finds among the inventory's files, in the order they are read. */
    List<FoundApp> discover(Inventory inventory, AppNames names);

    /** The pools one app's files of this format open; what cannot be read goes to {@code reading}'s lists. */
    List<ClientPool> pools(AppFiles app, AppPools reading);
}
