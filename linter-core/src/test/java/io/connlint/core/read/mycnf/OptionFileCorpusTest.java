package io.connlint.core.read.mycnf;

import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.Origin;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.server.ServerVariablesBuilder;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader on real option files (the shared corpus, {@code ${connlint.corpus}/realworld/mycnf})
 * and the server variables built from them.
 */
class OptionFileCorpusTest {

    private static final ServerEngine MYSQL = ServerEngine.parse("mysql-8.0").orElseThrow();
    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyFileIsRead() throws IOException {
        Path dir = Corpus.realworld("mycnf");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".cnf")).sorted().toList();
        }
        assertTrue(files.size() >= 18, "expected the 18 option files of the corpus, found " + files.size());
        return files.stream().flatMap(f -> Stream.of(MYSQL, MARIADB).map(engine -> DynamicTest.dynamicTest(
                dir.relativize(f) + " as " + engine, () -> {
                    ProjectPaths paths = new ProjectPaths(dir, Map.of());
                    OptionFiles read = new OptionFileReader(paths, engine).read(f);
                    assertEquals(paths.display(f), read.filesRead().get(0), "the top-level file is read first");
                    for (OptionEntry e : read.entries()) {
                        assertTrue(read.filesRead().contains(e.at().path()), () -> e + " is in a file not read");
                        assertTrue(engine.serverGroups().contains(e.group().toLowerCase(java.util.Locale.ROOT)),
                                () -> e + " is in a group " + engine + " does not read");
                    }
                    SortedMap<String, Setting<?>> variables = ServerVariablesBuilder.build(read.entries(), engine, new java.util.ArrayList<>());
                    assertTrue(variables.containsKey("max_connections"));
                })));
    }

    @Test
    void debianMariaDbMyCnf() {
        Path file = corpusFile("mariadb-debian-my.cnf");
        OptionFiles read = read(file, MARIADB);
        assertEquals(Optional.of("100"), value(read, "mysqld", "max_connections"));
        assertEquals(Optional.of("600"), value(read, "mysqld", "wait_timeout"));
        SortedMap<String, Setting<?>> variables = ServerVariablesBuilder.build(read.entries(), MARIADB, new java.util.ArrayList<>());
        assertEquals(100L, variables.get("max_connections").effective());
        assertEquals(Optional.of(new SourceLocation("mariadb-debian-my.cnf", 51, 1)),
                variables.get("max_connections").location());
        assertEquals(600L, variables.get("wait_timeout").effective());
        assertTrue(read.notes().stream().anyMatch(n -> n.text().startsWith("'!includedir /etc/mysql/conf.d/'")),
                () -> "the trailing absolute !includedir must be noted: " + read.notes());
    }

    @Test
    void tunedSysbenchServer() {
        OptionFiles read = read(corpusFile("sysbench-tuned-mysqld-inline-comments.cnf"), MYSQL);
        SortedMap<String, Setting<?>> variables = ServerVariablesBuilder.build(read.entries(), MYSQL, new java.util.ArrayList<>());
        assertEquals(2000L, variables.get("max_connections").effective());
        // "=150G #设置buffer poll size, 服务器内存 60%": the comment is cut
        OptionEntry pool = entry(read, "innodb_buffer_pool_size").orElseThrow();
        assertEquals("150G", pool.raw());
        assertEquals(Optional.of(150L << 30), OptionValues.parseNumber(pool.value().orElseThrow(), MYSQL));
        // set twice: the later line wins
        assertEquals(136, ((Origin.InFile) variables.get("innodb_flush_log_at_trx_commit").origin()).at().line());
        assertEquals(Optional.empty(), entry(read, "skip_name_resolve").orElseThrow().value());
    }

    @Test
    void dockerLibraryIncludedirMappedIntoTheProject() throws IOException {
        Path corpus = Corpus.realworld("mycnf");
        Path etc = Files.createDirectories(temp.resolve("etc/mysql/conf.d")).getParent();
        Files.copy(corpus.resolve("docker-library-mysql-8.0-config-my.cnf"), etc.resolve("my.cnf"));
        Files.copy(corpus.resolve("docker-library-mysql-8.0-conf.d-docker.cnf"), etc.resolve("conf.d/docker.cnf"));
        ProjectPaths paths = new ProjectPaths(temp, Map.of("/etc/mysql/conf.d", "etc/mysql/conf.d"));
        OptionFiles read = new OptionFileReader(paths, MYSQL).read(etc.resolve("my.cnf"));
        assertEquals(List.of("etc/mysql/my.cnf", "etc/mysql/conf.d/docker.cnf"), read.filesRead());
        assertEquals(List.of(), read.problems());
        OptionEntry skip = entry(read, "skip-name-resolve").orElseThrow();
        assertEquals("etc/mysql/conf.d/docker.cnf", skip.at().path());
        assertEquals("--skip-name-resolve", skip.asArgument());
        assertEquals(Optional.of("NULL"), value(read, "mysqld", "secure-file-priv"));

        SortedMap<String, Setting<?>> variables = ServerVariablesBuilder.build(read.entries(), MYSQL, new java.util.ArrayList<>());
        assertEquals("0", variables.get("host_cache_size").value());
        Setting<?> maxConnections = variables.get("max_connections");
        assertEquals(151L, maxConnections.effective(), "not set: the engine default");
        assertEquals(new Origin.EngineDefault("mysql-8.0"), maxConnections.origin());
        assertEquals(28800L, variables.get("wait_timeout").effective());
        assertInstanceOf(Origin.EngineDefault.class, variables.get("wait_timeout").origin());
    }

    @Test
    void mysqlTestRelativeInclude() {
        Path dir = Corpus.realworld("mycnf/mysql-test-include");
        ProjectPaths paths = new ProjectPaths(dir, Map.of());
        OptionFiles read = new OptionFileReader(paths, Set.of("mysqld", "mysqld.1")).read(dir.resolve("default_my.cnf"));
        assertEquals(List.of("default_my.cnf", "default_mysqld.cnf"), read.filesRead());
        OptionEntry pool = entry(read, "loose-innodb_buffer_pool_size").orElseThrow();
        assertEquals("default_mysqld.cnf", pool.at().path());
        assertEquals(Optional.of("8M"), pool.value());
        // "log-bin=                 master-bin" in [mysqld.1] of the including file, after the include
        OptionEntry logBin = read.entries().get(read.entries().size() - 1);
        assertEquals("--log-bin=master-bin", logBin.asArgument());
        assertEquals(new SourceLocation("default_my.cnf", 9, 1), logBin.at());
        assertTrue(read.notes().stream().anyMatch(n -> n.text().startsWith("relative '!include default_mysqld.cnf'")),
                () -> "a relative include is resolved against the top-level directory and says so: " + read.notes());
    }


    @Test
    void gitSymlinkCommittedAsAFile() {
        OptionFiles read = read(corpusFile("isucon11q-git-symlink-blob-50-server.cnf"), MARIADB);
        OptionFileIssue problem = single(read.issues());
        assertEquals(new SourceLocation("isucon11q-git-symlink-blob-50-server.cnf", 1, 1), problem.at());
        assertEquals(List.of(), read.entries());
    }

    @Test
    void persistedJsonIsNoOptionFile() {
        OptionFiles read = read(corpusFile("mysql-test-pre8028-mysqld-auto.cnf"), MYSQL);
        assertEquals(new SourceLocation("mysql-test-pre8028-mysqld-auto.cnf", 1, 1), single(read.issues()).at());
    }

    @Test
    void galeraQuotedValue() {
        Path file = corpusFile("galera-60-galera-quoted-values.cnf");
        OptionEntry name = entry(read(file, MARIADB), "wsrep_cluster_name").orElseThrow();
        assertEquals(Optional.of("MariaDB Galera Cluster"), name.value());
        assertEquals("\"MariaDB Galera Cluster\"", name.raw());
        assertEquals(Optional.of("gcomm://"), value(read(file, MARIADB), "galera", "wsrep_cluster_address"));
        assertEquals(List.of(), read(file, MYSQL).entries(), "MySQL reads no [galera] group");
    }

    @Test
    void mariaDbDockerValueWithEqualsAndComment() {
        OptionFiles read = read(corpusFile("mariadb-docker-11.4-ubi-docker.cnf"), MARIADB);
        assertEquals(Optional.of("utf8mb4=uca1400_ai_ci"), value(read, "mariadb", "character-set-collations"));
        assertEquals(Optional.of("/run/mariadb/mariadb.sock"), value(read, "client-server", "socket"));
        assertEquals(2, read.notes().stream().filter(n -> n.text().startsWith("'!includedir /etc/mysql/")).count(),
                () -> "both absolute includedirs are noted: " + read.notes());
    }

    @Test
    void loneQuoteStaysAsIs() {
        Path dir = Corpus.realworld("mycnf");
        OptionFiles read = new OptionFileReader(new ProjectPaths(dir, Map.of()), Set.of("mysqldump"))
                .read(dir.resolve("mysql-test-bug15328-lone-quote-value.cnf"));
        assertEquals(Optional.of("\""), value(read, "mysqldump", "fields-optionally-enclosed-by"));
    }

    @Test
    void sqlStatementPastedIntoAnOptionFile() {
        OptionFiles read = read(corpusFile("docker-library-mysql-docker-cnf-pr1002-draft-set-global.cnf"), MYSQL);
        assertEquals("--SET GLOBAL host_cache_size=0", read.entries().get(0).asArgument());
    }

    // ---- server variables ---------------------------------------------------------------------

    @Test
    void maxConnectionsZeroIsRaisedToTheEngineMinimum() throws IOException {
        Path file = write("my.cnf", "[mysqld]\nmax_connections = 0\n");
        Setting<?> mysql = variables(file, MYSQL).get("max_connections");
        assertEquals(0L, mysql.value());
        assertEquals(1L, mysql.effective());
        assertEquals(Optional.of("option 'max_connections': unsigned value 0 adjusted to 1"), mysql.reason());
        assertEquals(10L, variables(file, MARIADB).get("max_connections").effective());
    }

    @Test
    void maxConnectionsAboveTheRangeIsLowered() throws IOException {
        Path file = write("my.cnf", "[mysqld]\nmax_connections = 200000\n");
        for (ServerEngine engine : List.of(MYSQL, MARIADB)) {
            Setting<?> setting = variables(file, engine).get("max_connections");
            assertEquals(200000L, setting.value());
            assertEquals(100000L, setting.effective(), engine.id());
            assertEquals(Optional.of("option 'max_connections': unsigned value 200000 adjusted to 100000"),
                    setting.reason());
        }
    }

    @Test
    void negativeMaxConnections() throws IOException {
        Path file = write("my.cnf", "[mysqld]\nmax_connections = -5\n");
        Setting<?> mysql = variables(file, MYSQL).get("max_connections");
        assertEquals(1L, mysql.effective());
        assertEquals(Optional.of("option 'max_connections': value -5 adjusted to 1"), mysql.reason());
        // MariaDB refuses it ("Incorrect unsigned value"): no number to run with
        assertEquals("-5", variables(file, MARIADB).get("max_connections").value());
    }

    @Test
    void lastSettingWinsAcrossGroupsAndFiles() throws IOException {
        write("more.cnf", "[server]\nmax-connections = 300\nwait_timeout = 30\n");
        Path file = write("my.cnf", "[mysqld]\nmax_connections = 100\n!include more.cnf\n"
                + "[mysqld]\nwait_timeout = 60\n[client]\nmax_connections = 1\n");
        SortedMap<String, Setting<?>> variables = variables(file, MYSQL);
        Setting<?> maxConnections = variables.get("max_connections");
        assertEquals(300L, maxConnections.effective());
        assertEquals(Optional.of(new SourceLocation("more.cnf", 2, 1)), maxConnections.location());
        assertEquals(60L, variables.get("wait_timeout").effective());
        assertEquals(Optional.of(new SourceLocation("my.cnf", 5, 1)), variables.get("wait_timeout").location());
    }

    @Test
    void engineDefaultsWhenUnset() throws IOException {
        Path file = write("my.cnf", "[mysqld]\nport = 3306\n");
        for (ServerEngine engine : List.of(MYSQL, MARIADB)) {
            SortedMap<String, Setting<?>> variables = variables(file, engine);
            assertEquals(151L, variables.get("max_connections").effective());
            assertEquals(28800L, variables.get("wait_timeout").effective());
            assertEquals(new Origin.EngineDefault(engine.id()), variables.get("wait_timeout").origin());
        }
        assertEquals(4000L, variables(file, MYSQL).get("table_open_cache").effective());
        assertEquals(2000L, variables(file, MARIADB).get("table_open_cache").effective());
    }

    @Test
    void sizeSuffixesAndLoosePrefix() throws IOException {
        Path file = write("my.cnf", "[mysqld]\nloose-max-connections = 1K\nmaximum-wait-timeout = 5\n");
        SortedMap<String, Setting<?>> variables = variables(file, MYSQL);
        assertEquals(1024L, variables.get("max_connections").effective());
        assertFalse(variables.get("wait_timeout").isWritten(), "maximum- sets a session ceiling, not the variable");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Path corpusFile(String name) {
        return Corpus.realworld("mycnf").resolve(name);
    }

    private static OptionFiles read(Path file, ServerEngine engine) {
        return new OptionFileReader(new ProjectPaths(file.getParent(), Map.of()), engine).read(file);
    }

    private SortedMap<String, Setting<?>> variables(Path file, ServerEngine engine) {
        OptionFiles read = new OptionFileReader(new ProjectPaths(temp, Map.of()), engine).read(file);
        assertEquals(List.of(), read.problems());
        return ServerVariablesBuilder.build(read.entries(), engine, new java.util.ArrayList<>());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    private static Optional<OptionEntry> entry(OptionFiles read, String name) {
        return read.entries().stream().filter(e -> e.name().equals(name)).reduce((first, second) -> second);
    }

    private static Optional<String> value(OptionFiles read, String group, String name) {
        return read.entries().stream().filter(e -> e.group().equals(group) && e.name().equals(name))
                .reduce((first, second) -> second).flatMap(OptionEntry::value);
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), () -> "expected one, got " + list);
        return list.get(0);
    }
}
