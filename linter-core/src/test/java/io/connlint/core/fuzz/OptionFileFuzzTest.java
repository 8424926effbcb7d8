package io.connlint.core.fuzz;

import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.server.Refusals;
import io.connlint.core.server.ServerVariablesBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** my.cnf: OptionFileReader with includes (loops included) and ServerVariablesBuilder's values. */
class OptionFileFuzzTest extends ReaderFuzz {

    private static final List<ServerEngine> ENGINES = List.of("mysql-8.0", "mariadb-10.11", "mysql-5.7", "mysql-8.4",
            "mariadb-11.4").stream().map(e -> ServerEngine.parse(e).orElseThrow()).toList();

    @Override
    String reader() {
        return "my.cnf";
    }

    @Override
    List<String> corpusDirectories() {
        return List.of("mycnf");
    }

    @Override
    boolean isSeed(String fileName) {
        return !fileName.equals("mysql-test-pre8028-mysqld-auto.cnf");
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                [client]
                port = 3306
                socket = /var/run/mysqld/mysqld.sock

                [mysqld]
                max_connections = 500
                max-connect-errors=1000
                wait_timeout = 28800 # eight hours
                innodb_buffer_pool_size = 4G
                loose-thread_cache_size = 16
                skip-name-resolve
                table_open_cache = "4000"
                sort_buffer_size = 2M
                !includedir /etc/mysql/conf.d/
                """, """
                [mysqld-8.0]
                open_files_limit=65535
                [mariadb]
                max_connections=2000
                thread_handling=pool-of-threads
                !include extra.cnf
                [galera]
                wsrep_on=ON
                """, """
                [mysqld]
                max_connections=
                max_allowed_packet='64M'
                innodb_log_file_size = 1T
                maximum-max_connections = 100
                enable-performance_schema
                disable-log-bin
                tmp_table_size = 1e3
                key_buffer_size = -1
                """);
    }

    @Override
    List<String> dictionary() {
        return List.of("[mysqld]", "[client]", "[mariadb]", "[mysqld-8.0]", "[server]", "[galera]", "[", "]", "=", "#",
                ";", "\"", "'", "\\", "\\n", "!include extra.cnf", "!includedir conf.d", "!include /etc/mysql/extra.cnf",
                "!includedir /etc/mysql/conf.d/", "!include /etc/mysql/missing.cnf", "!include ~/x.cnf",
                "!include ../../outside.cnf", "!includedir nowhere",
                "!include", "!includedir", "max_connections", "max-connections", "loose-", "skip-", "enable-",
                "disable-", "maximum-", "innodb_buffer_pool_size", "wait_timeout", "table_open_cache",
                "open_files_limit", "thread_cache_size", "sort_buffer_size", "max_allowed_packet", "ON", "OFF", "K", "M",
                "G", "T", "P", "E", "performance_schema", "thread_handling", "extra_max_connections", "interactive_timeout");
    }

    @Override
    String hostile(int variant, int size) {
        if (variant < 2) { // include loops: mysqld re-reads down to depth 10, connlint stops after 1000 files
            return variant == 0 ? "!include my.cnf\n".repeat(Math.min(size, 50)) + "[mysqld]\nmax_connections=1\n"
                    : "!includedir .\n!includedir /etc/mysql/\n[mysqld]\nmax_connections=" + size + "\n";
        }
        return switch (variant % 6) {
            case 0 -> "[mysqld]\n!include /etc/mysql/extra.cnf\n" + "!include extra.cnf\n".repeat(Math.min(size, 20));
            case 1 -> "[mysqld]\n" + "\r".repeat(size) + "max_connections=" + size + "\r\n";
            case 2 -> "[mysqld]\n" + "max_connections=1\n".repeat(size);
            case 3 -> "[" + "x".repeat(size * 20) + "]\n" + "a".repeat(size * 30) + "=" + "9".repeat(size) + "\n";
            case 4 -> "[mysqld]\nmax_connections=\"" + "\\".repeat(size) + "\n";
            default -> "[mysqld]\n" + "sort_buffer_size=" + "9".repeat(size % 400 + 1) + "E\n";
        };
    }

    @Override
    void fixtures(Path dir) throws java.io.IOException {
        write(dir, "extra.cnf", Mutator.bytes("[mysqld]\nthread_cache_size=8\n!include conf.d/a.cnf\n"));
        write(dir, "conf.d/a.cnf", Mutator.bytes("[mysqld]\nmax_connections=300\n"));
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        Path top = write(dir, "my.cnf", input);
        ServerEngine engine = ENGINES.get(Math.floorMod(input.length, ENGINES.size()));
        ProjectPaths paths = new ProjectPaths(dir, Map.of("/etc/mysql", "."));
        OptionFiles read = new OptionFileReader(paths, engine).read(top);
        List<Note> notes = new ArrayList<>(read.notes());
        Optional<Setting<Long>> openFiles = input.length % 3 == 0
                ? Optional.of(Setting.assumed("openFilesLimit", (long) input.length % 5000, "fuzz"))
                : Optional.empty();
        ServerVariablesBuilder.build(read.entries(), engine, notes, openFiles);
        // what mysqld would refuse or skip (CL504, CL507) is held to the same rule as a problem:
        // a place inside a file of the case, with a message
        List<OptionFileIssue> issues = new ArrayList<>(read.issues());
        issues.addAll(Refusals.refusals(read.entries(), engine));
        List<ReadProblem> all = new ArrayList<>(read.problems());
        issues.forEach(i -> all.add(ReadProblem.unreadable(i.at(), i.toString())));
        return all;
    }
}
