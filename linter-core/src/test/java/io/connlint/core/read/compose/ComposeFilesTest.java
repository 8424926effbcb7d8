package io.connlint.core.read.compose;

import io.connlint.core.read.mycnf.ServerCommandLine;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposeFilesTest {

    @TempDir
    Path root;

    private Path write(String name, String text) throws IOException {
        Path f = root.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private ComposeFiles.Project read(List<Path> files) {
        return ComposeFiles.read(files, f -> root.relativize(f).toString());
    }

    private static List<String> words(ComposeFiles.Service s) {
        return s.command().stream().map(w -> w.text() + "@" + w.at()).toList();
    }

    @Test
    void readsReplicasScaleCommandsAndMounts() throws IOException {
        Path f = write("compose.yaml", """
                services:
                  db:
                    image: mariadb:11.4
                    command: --max-connections=500  --wait-timeout='60'
                    volumes:
                      - ./db/conf.d:/etc/mysql/conf.d:ro
                      - data:/var/lib/mysql
                      - type: bind
                        source: ./db/my.cnf
                        target: /etc/mysql/my.cnf
                  web:
                    image: shop/web
                    deploy: { replicas: 4 }
                  worker:
                    image: shop/worker
                    scale: 3
                volumes:
                  data: {}
                """);
        ComposeFiles.Project p = read(List.of(f));
        ComposeFiles.Service db = p.services().get("db");
        assertTrue(db.isMysqlFamily());
        assertEquals(List.of("--max-connections=500@compose.yaml:4:14", "--wait-timeout=60@compose.yaml:4:37"),
                words(db));
        assertEquals(List.of("./db/conf.d -> /etc/mysql/conf.d", "./db/my.cnf -> /etc/mysql/my.cnf"),
                db.mounts().stream().map(m -> m.source() + " -> " + m.target()).toList());
        assertEquals(4L, p.services().get("web").replicas().orElseThrow().value());
        assertEquals("compose.yaml:13:25", p.services().get("web").replicas().orElseThrow().location().orElseThrow()
                .toString());
        assertEquals(3L, p.services().get("worker").replicas().orElseThrow().value());
        assertFalse(p.services().get("web").isMysqlFamily());
        assertEquals(List.of(db), p.databases());
    }

    @Test
    void theOverrideFileReplacesTheCommandAndAddsMounts() throws IOException {
        write("compose.yaml", """
                services:
                  db:
                    image: mysql:8.0
                    command: ["mysqld", "--max-connections=100"]
                    volumes: ["./a:/etc/mysql/conf.d"]
                  web: { image: web, deploy: { replicas: 2 } }
                """);
        write("compose.override.yaml", """
                services:
                  db:
                    command:
                      - --max_connections
                      - "300"
                    volumes: ["./b:/etc/mysql/conf.d", "./c:/etc/mysql/mysql.conf.d"]
                  web: { deploy: { replicas: 6 } }
                """);
        List<Path> files = ComposeFiles.defaults(root);
        assertEquals(List.of(root.resolve("compose.yaml"), root.resolve("compose.override.yaml")), files);
        ComposeFiles.Project p = read(files);
        ComposeFiles.Service db = p.services().get("db");
        assertEquals(List.of("--max_connections@compose.override.yaml:4:9", "300@compose.override.yaml:5:9"),
                words(db));
        assertEquals(List.of("./b", "./c"), db.mounts().stream().map(ComposeFiles.Mount::source).toList());
        assertEquals("mysql:8.0", db.image().orElseThrow());
        assertEquals(6L, p.services().get("web").replicas().orElseThrow().value());
    }

    @Test
    void composeYamlIsPreferredOverTheLegacyNames() throws IOException {
        write("docker-compose.yml", "services: {}\n");
        write("docker-compose.override.yml", "services: {}\n");
        assertEquals(List.of(root.resolve("docker-compose.yml"), root.resolve("docker-compose.override.yml")),
                ComposeFiles.defaults(root));
        write("compose.yml", "services: {}\n");
        assertEquals(List.of(root.resolve("compose.yml")), ComposeFiles.defaults(root));
        assertTrue(ComposeFiles.isComposeName("docker-compose.override.yaml"));
        assertFalse(ComposeFiles.isComposeName("deployment.yaml"));
    }

    @Test
    void brokenYamlIsAProblemWithAPosition() throws IOException {
        Path f = write("compose.yaml", "services:\n  db: [\n");
        ComposeFiles.Project p = read(List.of(f));
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).at().line() >= 2, p.problems().toString());
        assertTrue(p.services().isEmpty());
    }

    @Test
    void mysqlFamilyImages() {
        for (String image : List.of("mysql", "mysql:8", "docker.io/library/mariadb:11.4", "percona:5.7.19",
                "percona/percona-server:8.0", "mysql@sha256:abc", "bitnami/mariadb:10.6")) {
            assertTrue(ComposeFiles.isMysqlImage(image), image);
        }
        for (String image : List.of("postgres:16", "mysqld-exporter", "adminer", "phpmyadmin/phpmyadmin")) {
            assertFalse(ComposeFiles.isMysqlImage(image), image);
        }
    }

    @Test
    void engineFromTheImageTag() {
        assertEquals(java.util.Optional.of("mysql-5.7"), ComposeFiles.engineOf("percona:5.7.19"));
        assertEquals(java.util.Optional.of("mariadb-10.11"), ComposeFiles.engineOf("docker.io/library/mariadb:10.11.6"));
        assertEquals(java.util.Optional.of("mysql-8.4"), ComposeFiles.engineOf("mysql:8.4-oracle"));
        assertEquals(java.util.Optional.empty(), ComposeFiles.engineOf("mysql:8"), "8 moves between 8.x releases");
        assertEquals(java.util.Optional.empty(), ComposeFiles.engineOf("mysql"));
        assertEquals(java.util.Optional.empty(), ComposeFiles.engineOf("mariadb:9.9"), "not an engine connlint knows");
        assertEquals(java.util.Optional.empty(), ComposeFiles.engineOf("postgres:16.1"));
    }

    @Test
    void corpusListCommandAndReplicas() {
        Path dir = Corpus.realworld("deploy");
        Path f = dir.resolve("gorestarter-compose-percona-max-connections-list.yml");
        ComposeFiles.Project p = ComposeFiles.read(List.of(f), x -> x.getFileName().toString());
        ComposeFiles.Service percona = p.services().get("percona");
        assertTrue(percona.isMysqlFamily());
        assertEquals(1L, percona.replicas().orElseThrow().value());
        var flags = ServerCommandLine.read(percona.command(), "command");
        assertEquals(List.of("--max-connections=1000", "--innodb_buffer_pool_size=2G", "--innodb_log_file_size=1G",
                "--innodb_flush_method=O_DIRECT"), flags.entries().stream().map(e -> e.asArgument()).toList());
        assertEquals("gorestarter-compose-percona-max-connections-list.yml:8:9", flags.entries().get(0).at().toString());
    }

    @Test
    void corpusStringCommandWithUnresolvedVariables() {
        Path dir = Corpus.realworld("deploy");
        Path f = dir.resolve("mariadb-connector-j-travis-compose-max-connections.yml");
        ComposeFiles.Project p = ComposeFiles.read(List.of(f), x -> x.getFileName().toString());
        ComposeFiles.Service db = p.services().get("db");
        assertFalse(db.isMysqlFamily(), "image: $DB is not known statically");
        var flags = ServerCommandLine.read(db.command(), "command");
        assertEquals("--max-connections=500", flags.entries().get(0).asArgument());
        assertEquals("mariadb-connector-j-travis-compose-max-connections.yml:5:14", flags.entries().get(0).at()
                .toString());
        assertTrue(flags.entries().stream().noneMatch(e -> e.name().equals("max-allowed-packet")));
        assertEquals(3, flags.notes().size(), flags.notes().toString());
        assertTrue(db.mounts().isEmpty(), "$SSLCERT mounts are not repository paths");
    }
}
