package io.connlint.core.inventory;

import io.connlint.core.app.AppFormats;
import io.connlint.core.app.DjangoApps;
import io.connlint.core.app.HikariPropertiesApps;
import io.connlint.core.app.SpringBootApps;
import io.connlint.core.read.mycnf.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InventoryTest {

    @TempDir
    Path root;

    @Test
    void sortsEveryFileByTheFirstKindThatRecognisesIt() throws IOException {
        write("db/my.cnf");
        write("db/mysqld-auto.cnf");
        write("orders/src/main/resources/hikari.properties");
        write("payments/src/main/resources/application-prod.yml");
        write("site/settings.py");
        write("ops/systemd/mysql.service.d/limits.conf");
        write("ops/systemd/mariadb.service");
        write("README.md");
        Inventory inventory = walk(Selection.DEFAULT);
        assertEquals(List.of("db/my.cnf"), names(inventory, FileKinds.OPTION_FILE));
        assertEquals(List.of("orders/src/main/resources/hikari.properties"), names(inventory, HikariPropertiesApps.FILES));
        assertEquals(List.of("payments/src/main/resources/application-prod.yml"), names(inventory, SpringBootApps.FILES));
        assertEquals(List.of("site/settings.py"), names(inventory, DjangoApps.FILES));
        assertEquals(List.of("ops/systemd/mariadb.service", "ops/systemd/mysql.service.d/limits.conf"),
                names(inventory, FileKinds.SYSTEMD_UNIT));
    }

    /** A test my.cnf under src/test/resources was once merged into the production server (a false CL101). */
    @Test
    void testSourcesBuildOutputAndDotFoldersAreNotProduction() throws IOException {
        write("db/my.cnf");
        write("src/test/resources/testcontainers/my.cnf");
        write("app/tests/settings.py");
        write("spec/fixtures/application.yml");
        write("web/__tests__/hikari.properties");
        write("src/it/budget-fail/db/my.cnf");
        write("go/testdata/my.cnf");
        write("target/classes/application.yml");
        write(".github/hikari.properties");
        write("node_modules/x/my.cnf");
        Inventory inventory = walk(Selection.DEFAULT);
        assertEquals(Map.of(FileKinds.OPTION_FILE, List.of("db/my.cnf")), nonEmpty(inventory));
    }

    @Test
    void excludeLeavesOutFilesAndFoldersAndIncludeNarrowsToWhatItNames() throws IOException {
        write("db/my.cnf");
        write("db/legacy/old.cnf");
        write("orders/src/main/resources/application.yml");
        write("it-env/src/test/resources/application.yml");
        Selection exclude = new Selection(List.of(), List.of(Glob.parse("legacy").orElseThrow()));
        assertEquals(List.of("db/my.cnf"), names(walk(exclude), FileKinds.OPTION_FILE));

        Selection include = new Selection(List.of(Glob.parse("db/**").orElseThrow(),
                Glob.parse("it-env/src/test/resources/*.yml").orElseThrow()), List.of());
        Inventory narrowed = walk(include);
        assertEquals(List.of("db/legacy/old.cnf", "db/my.cnf"), names(narrowed, FileKinds.OPTION_FILE));
        assertEquals(List.of("it-env/src/test/resources/application.yml"), names(narrowed, SpringBootApps.FILES),
                "an include reaches into a test folder it names; nothing else is taken");
    }

    private Inventory walk(Selection selection) {
        List<FileKind> kinds = new java.util.ArrayList<>(FileKinds.ALL);
        kinds.addAll(AppFormats.fileKinds());
        return Inventory.walk(new ProjectPaths(root, Map.of()), kinds, selection);
    }

    private Map<FileKind, List<String>> nonEmpty(Inventory inventory) {
        Map<FileKind, List<String>> all = new java.util.LinkedHashMap<>();
        inventory.files().forEach((kind, files) -> {
            if (!files.isEmpty()) {
                all.put(kind, names(inventory, kind));
            }
        });
        return all;
    }

    private List<String> names(Inventory inventory, FileKind kind) {
        return inventory.of(kind).stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
    }

    private void write(String path) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "# test\n");
    }
}
