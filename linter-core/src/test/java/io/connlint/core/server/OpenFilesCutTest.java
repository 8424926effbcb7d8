package io.connlint.core.server;

import io.connlint.core.model.Note;
import io.connlint.core.model.Origin;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The open-files cut and the autosized variables.
 *
 * <p>MySQL cannot run here: its cases are the worked examples A–E of research/mysql-facts.md §4.1
 * (derived from MySQL 8.0.41 sql/mysqld.cc adjust_open_files_limit, adjust_max_connections,
 * adjust_table_cache_size; mysys/my_file.cc SetOsLimitMaxOpenFiles) and the autosizing of §3.1
 * (sql/mysqld.cc init_common_variables, which runs after the cut). MariaDB cases repeat facts
 * measured with mariadbd 10.11.19 (research §4.3 MEASURED; MariadbdDifferentialTest checks the
 * whole family).
 */
class OpenFilesCutTest {

    private static final ServerEngine MYSQL80 = ServerEngine.parse("mysql-8.0").orElseThrow();
    private static final ServerEngine MYSQL57 = ServerEngine.parse("mysql-5.7").orElseThrow();
    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();

    private static SortedMap<String, Setting<?>> build(ServerEngine engine, long limit, String... options) {
        List<OptionEntry> entries = new ArrayList<>();
        int line = 1;
        for (String option : options) {
            String[] kv = option.split("=", 2);
            entries.add(new OptionEntry("mysqld", kv[0], Optional.of(kv[1]), kv[1], new SourceLocation("my.cnf", line++, 1)));
        }
        List<Note> notes = new ArrayList<>();
        return ServerVariablesBuilder.build(entries, engine, notes,
                limit == 0 ? Optional.empty() : Optional.of(Setting.assumed("openFilesLimit", limit, "LimitNOFILE")));
    }

    private static long effective(SortedMap<String, Setting<?>> vars, String name) {
        return (Long) vars.get(name).effective();
    }

    /** §4.1 case A: 1024/4096 files, max_connections 500, table_open_cache 4000 → the classic 214. */
    @Test
    void mysqlCaseA() {
        var vars = build(MYSQL80, 1024, "max_connections=500");
        assertEquals(214, effective(vars, "max_connections"));
        assertEquals(Optional.of("Changed limits: max_connections: 214 (requested 500)"),
                vars.get("max_connections").reason());
        assertEquals(400, effective(vars, "table_open_cache"));
        assertEquals(Optional.of("Changed limits: table_open_cache: 400 (requested 4000)"),
                vars.get("table_open_cache").reason());
        assertEquals(1024, effective(vars, "open_files_limit"));
        assertTrue(vars.get("open_files_limit").origin().describe()
                .contains("Changed limits: max_open_files: 1024 (requested 8510)"));
        // autosized after the cut (research §3.1): back_log = max_connections, thread_cache 8 + 214/100
        assertEquals(214, effective(vars, "back_log"));
        assertEquals(10, effective(vars, "thread_cache_size"));
    }

    /** §4.1 case B: MySQL 5.7 defaults at 1024 files: max_connections stays, table_open_cache 431. */
    @Test
    void mysqlCaseB() {
        var vars = build(MYSQL57, 1024);
        assertEquals(151, effective(vars, "max_connections"));
        assertEquals(431, effective(vars, "table_open_cache"));
        assertEquals(Optional.of("Changed limits: table_open_cache: 431 (requested 2000)"),
                vars.get("table_open_cache").reason());
        assertEquals(80, effective(vars, "back_log")); // 5.7: min(900, 50 + 151/5)
        assertEquals(9, effective(vars, "thread_cache_size"));
    }

    /** §4.1 case C: systemd LimitNOFILE=10000, max_connections 2000 → table_open_cache 3995. */
    @Test
    void mysqlCaseC() {
        var vars = build(MYSQL80, 10_000, "max_connections=2000");
        assertEquals(2000, effective(vars, "max_connections"));
        assertFalse(vars.get("max_connections").isRewritten());
        assertEquals(3995, effective(vars, "table_open_cache"));
        assertEquals(28, effective(vars, "thread_cache_size"));
        assertEquals(2000, effective(vars, "back_log"));
    }

    /** §4.1 case D: systemd 10000, max_connections 10000 → 9190 and table_open_cache 400. */
    @Test
    void mysqlCaseD() {
        var vars = build(MYSQL80, 10_000, "max_connections=10000");
        assertEquals(9190, effective(vars, "max_connections"));
        assertEquals(400, effective(vars, "table_open_cache"));
        assertEquals(9190, effective(vars, "back_log"));
        assertEquals(99, effective(vars, "thread_cache_size"));
    }

    /** §4.1 case E: Docker nofile 1048576, max_connections 5000: nothing cut, open_files_limit 1048576. */
    @Test
    void mysqlCaseE() {
        var vars = build(MYSQL80, 1_048_576, "max_connections=5000");
        assertEquals(5000, effective(vars, "max_connections"));
        assertEquals(4000, effective(vars, "table_open_cache"));
        assertEquals(1_048_576, effective(vars, "open_files_limit"));
    }

    /** §4.1: below 810 files the unsigned subtraction of adjust_max_connections wraps: no cut (Derived). */
    @Test
    void mysqlWrapsBelow810Files() {
        var vars = build(MYSQL80, 800, "max_connections=500");
        assertEquals(500, effective(vars, "max_connections"));
    }

    /** Without a known limit nothing is cut; open_files_limit stays as configured. */
    @Test
    void noLimitNoCut() {
        var vars = build(MYSQL80, 0, "max_connections=5000");
        assertEquals(5000, effective(vars, "max_connections"));
        assertFalse(vars.get("max_connections").isRewritten());
        assertEquals(0, effective(vars, "open_files_limit"));
        assertInstanceOf(Origin.EngineDefault.class, vars.get("open_files_limit").origin());
        var maria = build(MARIADB, 0, "max_connections=5000");
        assertEquals(5000, effective(maria, "max_connections"));
        assertEquals(256, effective(maria, "thread_cache_size"));
        assertEquals(900, effective(maria, "back_log"));
    }

    /** MySQL 8.0 autosizes at the defaults (research §0): thread_cache_size 9, back_log 151. */
    @Test
    void mysqlDefaults() {
        var vars = build(MYSQL80, 0);
        assertEquals(9, effective(vars, "thread_cache_size"));
        assertEquals(151, effective(vars, "back_log"));
        assertEquals(67_108_864, effective(vars, "max_allowed_packet"));
        assertFalse(vars.containsKey("query_cache_size"), "removed in MySQL 8.0");
        assertEquals(64L * 1024 * 1024, effective(build(ServerEngine.parse("mysql-8.4").orElseThrow(), 0),
                "innodb_log_buffer_size"));
    }

    /** MariaDB 10.11 measured: 2000 connections at 1024 files are not cut (the subtraction wraps). */
    @Test
    void mariadbWrapKeepsMaxConnections() {
        var vars = build(MARIADB, 1024, "max_connections=2000", "thread_pool_size=2");
        assertEquals(2000, effective(vars, "max_connections"));
        assertEquals(2000, effective(vars, "table_open_cache"));
        assertEquals(8, effective(vars, "table_open_cache_instances"));
        assertEquals(1024, effective(vars, "open_files_limit"));
    }

    /** MariaDB 10.11 measured: 500 connections at 1024 files keep 500, table_open_cache 247, 1 instance. */
    @Test
    void mariadbShrinksTableOpenCache() {
        var vars = build(MARIADB, 1024, "max_connections=500", "thread_pool_size=2");
        assertEquals(500, effective(vars, "max_connections"));
        assertEquals(247, effective(vars, "table_open_cache"));
        assertEquals(Optional.of("Changed limits: max_open_files: 1024  max_connections: 500 (was 500)  "
                + "table_cache: 247 (was 2000)"), vars.get("table_open_cache").reason());
        assertEquals(1, effective(vars, "table_open_cache_instances"));
        assertTrue(vars.get("open_files_limit").origin().describe()
                .contains("Could not increase number of max_open_files to more than 1024 (request: 32533)"));
    }

    /** MariaDB 10.11 measured: 20000 files, max_connections 100000 → 16770 = 20000 − 30 − 200·2·8. */
    @Test
    void mariadbCutsWithEightInstances() {
        var vars = build(MARIADB, 20_000, "max_connections=64MB", "thread_pool_size=2");
        assertEquals(16_770, effective(vars, "max_connections"));
        assertEquals(Optional.of("option 'max_connections': unsigned value 67108864 adjusted to 100000; then "
                + "Changed limits: max_open_files: 20000  max_connections: 16770 (was 100000)  "
                + "table_cache: 200 (was 2000)"), vars.get("max_connections").reason());
        assertEquals(900, effective(vars, "back_log"));
        assertEquals(256, effective(vars, "thread_cache_size"));
    }

    /** MariaDB 10.11 measured: thread_cache_size is lowered to max_connections before the cut. */
    @Test
    void mariadbThreadCacheUsesConfiguredMaxConnections() {
        var vars = build(MARIADB, 1024, "max_connections=2000", "table_open_cache_instances=1",
                "thread_cache_size=1000", "thread_pool_size=2");
        assertEquals(594, effective(vars, "max_connections"));
        assertEquals(1000, effective(vars, "thread_cache_size"));
        assertEquals(168, effective(vars, "back_log")); // 50 + 594/5, after the cut
        var small = build(MARIADB, 0, "max_connections=100");
        assertEquals(100, effective(small, "thread_cache_size"));
        assertInstanceOf(Origin.Derived.class, small.get("thread_cache_size").origin());
    }

    /** MariaDB 10.11 measured ranges and block sizes. */
    @Test
    void mariadbLimitsAndBlocks() {
        var vars = build(MARIADB, 0, "join_buffer_size=1000001", "max_allowed_packet=1", "wait_timeout=0",
                "max_user_connections=-5", "tmp_table_size=33333333", "net_buffer_length=2M");
        assertEquals(999_936, effective(vars, "join_buffer_size"));
        assertTrue(vars.get("join_buffer_size").reason().orElseThrow().contains("block size 128"));
        assertEquals(1024, effective(vars, "max_allowed_packet"));
        assertEquals(Optional.of("option 'max_allowed_packet': unsigned value 1 adjusted to 1024"),
                vars.get("max_allowed_packet").reason());
        assertEquals(1, effective(vars, "wait_timeout"));
        assertEquals(-1, effective(vars, "max_user_connections"));
        assertEquals(33_325_056, effective(vars, "tmp_table_size"));
        assertEquals(1_048_576, effective(vars, "net_buffer_length"));
    }

    /** A file of the resources, read and built as ProjectLoader does, under a declared limit. */
    @Test
    void optionFileUnderDeclaredLimit() throws URISyntaxException {
        Path file = Path.of(OpenFilesCutTest.class.getResource("/server/mariadb-1024.cnf").toURI());
        OptionFiles read = new OptionFileReader(new ProjectPaths(file.getParent(), Map.of()), MARIADB).read(file);
        List<Note> notes = new ArrayList<>();
        var vars = ServerVariablesBuilder.build(read.entries(), MARIADB, notes,
                Optional.of(Setting.assumed("openFilesLimit", 1024L, "LimitNOFILE")));
        assertEquals(List.of(), read.problems());
        assertEquals(594, effective(vars, "max_connections"));
        assertEquals(200, effective(vars, "table_open_cache"));
        assertEquals(2_097_152, effective(vars, "innodb_buffer_pool_size"));
    }
}
