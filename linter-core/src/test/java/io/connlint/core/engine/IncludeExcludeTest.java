package io.connlint.core.engine;

import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** connlint.yml's include: and exclude: narrow what discovery takes; test sources are never production. */
class IncludeExcludeTest {

    @TempDir
    Path root;

    @Test
    void aTestOptionFileIsNotMergedIntoTheProductionServer() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 80\n");
        write("src/test/resources/testcontainers/my.cnf", "[mysqld]\nmax_connections = 5\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        assertEquals(List.of("db/my.cnf"), model.servers().get(0).optionFiles());
        assertEquals(80L, model.servers().get(0).maxConnections().effective());
    }

    /** The systemd units are found by the inventory's walk, with its rules: a test unit is not the server's. */
    @Test
    void aSystemdUnitInATestFolderDoesNotSetTheOpenFilesLimit() throws IOException {
        write("connlint.yml", "servers:\n  main:\n    optionFiles: [db/my.cnf]\n");
        write("db/my.cnf", "[mysqld]\nmax_connections = 80\n");
        write("tests/fixtures/mysql.service", "[Service]\nLimitNOFILE=1024\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        assertTrue(model.servers().get(0).openFilesLimit().isEmpty(), model.servers().get(0).toString());

        write("deploy/systemd/mysql.service", "[Service]\nLimitNOFILE=4096\n");
        Deployment deployed = ProjectLoader.load(LintRequest.of(root)).model();
        assertEquals(4096L, deployed.servers().get(0).openFilesLimit().orElseThrow().effective());
        Files.delete(root.resolve("connlint.yml"));
        Deployment discovered = ProjectLoader.load(LintRequest.of(root)).model();
        assertTrue(discovered.discovered());
        assertEquals(4096L, discovered.servers().get(0).openFilesLimit().orElseThrow().effective());
    }

    @Test
    void aConnlintYmlWithoutServersOrAppsDiscoversWithinItsSelection() throws IOException {
        write("connlint.yml", "exclude: [legacy]\nrules:\n  CL104: off\n");
        write("db/my.cnf", "[mysqld]\nmax_connections = 80\n");
        write("legacy/db/my.cnf", "[mysqld]\nmax_connections = 5\n");
        write("orders/src/main/resources/hikari.properties", "maximumPoolSize=20\n");
        write("legacy/orders/src/main/resources/hikari.properties", "maximumPoolSize=99\n");
        ProjectLoader.Loaded loaded = ProjectLoader.load(LintRequest.of(root));
        Deployment model = loaded.model();
        assertTrue(model.discovered());
        assertEquals(List.of("db/my.cnf"), model.servers().get(0).optionFiles());
        assertEquals(List.of("orders/src/main/resources/hikari.properties"),
                model.pools().stream().map(p -> p.configFiles().get(0)).toList());
        assertTrue(loaded.config().rules().containsKey("CL104"), "the rules of connlint.yml still apply");
    }

    @Test
    void includeNamesTheOnlyFilesTaken() throws IOException {
        write("connlint.yml", "include:\n  - db/prod/*.cnf\n  - '**/hikari.properties'\n");
        write("db/prod/my.cnf", "[mysqld]\nmax_connections = 80\n");
        write("db/staging/my.cnf", "[mysqld]\nmax_connections = 5\n");
        write("orders/hikari.properties", "maximumPoolSize=20\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        assertEquals(List.of("db/prod/my.cnf"), model.servers().get(0).optionFiles());
        assertEquals(1, model.pools().size());
    }

    @Test
    void anOverlongPatternIsAConfigProblemAtItsLine() throws IOException {
        write("connlint.yml", "exclude:\n  - ok\n  - " + "x".repeat(1001) + "\n");
        write("db/my.cnf", "[mysqld]\nmax_connections = 80\n");
        Deployment model = ProjectLoader.load(LintRequest.of(root)).model();
        ReadProblem p = model.problems().stream().filter(r -> r.at().path().equals("connlint.yml")).findFirst()
                .orElseThrow(() -> new AssertionError(model.problems().toString()));
        assertEquals(3, p.at().line());
        assertTrue(p.message().contains("1 to 1000 characters"), p.message());
        assertEquals(1, model.servers().size(), "the project is still checked");
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
