package io.connlint.core.read.systemd;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.read.mycnf.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemdLimitsTest {

    @TempDir
    Path root;

    private SystemdLimits.Result read() {
        ProjectPaths paths = new ProjectPaths(root, Map.of());
        return SystemdLimits.read(paths, io.connlint.core.deploy.OpenFilesLimits.walk(paths));
    }

    @Test
    void singleValueSetsSoftAndHard() throws IOException {
        write("deploy/mysql.service", "[Unit]\nDescription=MySQL\n[Service]\nUser=mysql\nLimitNOFILE=10000\n");
        SystemdLimits.Limit limit = single(read().limits());
        assertEquals(10000L, limit.soft().value());
        assertEquals(10000L, limit.hard());
        assertEquals("deploy/mysql.service:5:1", limit.soft().location().orElseThrow().toString());
    }

    @Test
    void softHardPairAndInfinity() throws IOException {
        write("a/mariadb.service", "[Service]\nLimitNOFILE=1024:524288\n");
        write("b/mysqld.service", "[Service]\nLimitNOFILE=infinity\n");
        List<SystemdLimits.Limit> limits = read().limits();
        assertEquals(2, limits.size());
        SystemdLimits.Limit maria = limits.stream().filter(l -> l.unit().equals("mariadb.service")).findFirst().orElseThrow();
        assertEquals(1024L, maria.soft().value());
        assertEquals(524288L, maria.hard());
        SystemdLimits.Limit mysql = limits.stream().filter(l -> l.unit().equals("mysqld.service")).findFirst().orElseThrow();
        assertEquals(SystemdLimits.INFINITY, mysql.soft().value());
        assertEquals(SystemdLimits.INFINITY, mysql.hard());
    }

    @Test
    void dropInsOverrideTheUnitInFileNameOrder() throws IOException {
        write("systemd/mysql.service", "[Service]\nLimitNOFILE=5000\n");
        write("systemd/mysql.service.d/20-more.conf", "[Service]\nLimitNOFILE=30000\n");
        write("systemd/mysql.service.d/10-less.conf", "[Service]\nLimitNOFILE=8000\n");
        write("systemd/mysql.service.d/notes.txt", "[Service]\nLimitNOFILE=1\n");
        SystemdLimits.Limit limit = single(read().limits());
        assertEquals(30000L, limit.soft().value());
        assertEquals("systemd/mysql.service.d/20-more.conf:2:1", limit.soft().location().orElseThrow().toString());
    }

    @Test
    void onlyTheServiceSectionCountsAndBadValuesAreIgnored() throws IOException {
        write("mysql.service.d/limits.conf", "[Unit]\nLimitNOFILE=1\n[Service]\n# LimitNOFILE=2\nLimitNOFILE=64000\n"
                + "LimitNOFILE=lots\n");
        SystemdLimits.Result result = read();
        assertEquals(64000L, single(result.limits()).soft().value());
        assertTrue(result.notes().stream().anyMatch(n -> n.text().contains("cannot parse LimitNOFILE=lots")),
                result.notes().toString());
    }

    @Test
    void emptyAssignmentResets() throws IOException {
        write("mysql.service", "[Service]\nLimitNOFILE=5000\n");
        write("mysql.service.d/override.conf", "[Service]\nLimitNOFILE=\n");
        SystemdLimits.Result result = read();
        assertEquals(List.of(), result.limits());
        assertTrue(result.notes().stream().anyMatch(n -> n.text().contains("resets the limit")), result.notes().toString());
    }

    @Test
    void otherUnitsAreNotRead() throws IOException {
        write("nginx.service", "[Service]\nLimitNOFILE=100000\n");
        assertEquals(List.of(), read().limits());
    }

    @Test
    void theUnitGivesTheServerItsLimitUnlessConnlintYmlDoes() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 500\n");
        write("deploy/mysql.service.d/limits.conf", "[Service]\nLimitNOFILE=1024\n");
        write("connlint.yml", "servers:\n  main:\n    engine: mysql-8.0\n    optionFiles: [db/my.cnf]\n");
        DatabaseServer server = load().servers().get(0);
        assertEquals(214L, server.maxConnections().effective(), server.maxConnections().toString());
        assertEquals("deploy/mysql.service.d/limits.conf:2:1",
                server.openFilesLimit().orElseThrow().location().orElseThrow().toString());

        write("connlint.yml", "servers:\n  main:\n    engine: mysql-8.0\n    optionFiles: [db/my.cnf]\n"
                + "    openFilesLimit: 10000\n");
        DatabaseServer declared = load().servers().get(0);
        assertEquals(500L, declared.maxConnections().effective());
        assertEquals("connlint.yml", declared.openFilesLimit().orElseThrow().location().orElseThrow().path());
    }

    @Test
    void aHardLimitAboveTheRequestLetsTheServerRaiseItsSoftLimit() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 500\ntable_open_cache = 400\n");
        write("deploy/mysql.service", "[Service]\nLimitNOFILE=1024:4096\n");
        DatabaseServer server = load().servers().get(0); // discovered: mysql-8.0
        // request max(10 + 500 + 800, 2500, 5000) = 5000 > 4096: the soft limit 1024 stays, the cut applies
        assertEquals(214L, server.maxConnections().effective());
        write("deploy/mysql.service", "[Service]\nLimitNOFILE=1024:8192\n");
        DatabaseServer raised = load().servers().get(0);
        assertEquals(500L, raised.maxConnections().effective());
        assertEquals(5000L, raised.variable(ServerVariable.OPEN_FILES_LIMIT).effective());
    }

    private Deployment load() {
        return ProjectLoader.load(LintRequest.of(root)).model();
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
