package io.connlint.core.read.persisted;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistedVariablesTest {

    @TempDir
    Path root;

    /** Version 1 (MySQL 8.0 before 8.0.28): mysql-test/std_data/pre8028_mysqld-auto.cnf of mysql-server. */
    @Test
    void readsVersion1FromTheCorpus() throws Exception {
        Path file = Corpus.realworld("mycnf").resolve("mysql-test-pre8028-mysqld-auto.cnf");
        PersistedVariables.Result r = PersistedVariables.read(TextFile.read(file, "mysqld-auto.cnf"));
        Map<String, String> values = r.entries().stream()
                .collect(Collectors.toMap(OptionEntry::name, e -> e.value().orElseThrow()));
        assertEquals(Map.of("partial_revokes", "ON", "auto_increment_increment", "20", "net_buffer_length", "32768",
                "back_log", "100", "performance_schema_error_size", "5000"), values);
        assertTrue(r.problems().isEmpty());
    }

    /** Version 2 (the format sql/persisted_variable.cc writes today; research/mysql-facts.md §2). */
    @Test
    void persistedValuesWinOverTheOptionFiles() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 200\nwait_timeout = 600\n");
        write("db/mysqld-auto.cnf", """
                {
                  "Version": 2,
                  "mysql_dynamic_parse_early_variables": {
                    "max_connections": { "Value": "500", "Metadata": { "Timestamp": 1700000000000000, "User": "root", "Host": "localhost" } }
                  },
                  "mysql_dynamic_variables": {
                    "wait_timeout": { "Value": "120", "Metadata": { "Timestamp": 1700000000000001, "User": "root", "Host": "localhost" } }
                  },
                  "mysql_sensitive_variables": { "master_key_id": "x", "mysql_sensitive_variables_blob": "abc" }
                }
                """);
        write("connlint.yml", "servers:\n  main:\n    engine: mysql-8.0\n    optionFiles: [db/my.cnf]\n"
                + "    persisted: db/mysqld-auto.cnf\n");
        DatabaseServer server = ProjectLoader.load(LintRequest.of(root)).model().servers().get(0);
        assertEquals(500L, server.maxConnections().effective());
        assertEquals("db/mysqld-auto.cnf:4:35", server.maxConnections().location().orElseThrow().toString());
        assertEquals(120L, server.waitTimeout().effective());
        assertEquals(List.of("db/my.cnf", "db/mysqld-auto.cnf"), server.optionFiles());
    }

    @Test
    void mariaDbDoesNotReadIt() throws IOException {
        write("db/my.cnf", "[mysqld]\nmax_connections = 200\n");
        write("db/mysqld-auto.cnf", "{\"Version\": 2, \"mysql_dynamic_variables\": {\"max_connections\": {\"Value\": \"9\"}}}");
        write("connlint.yml", "servers:\n  main:\n    engine: mariadb-10.11\n    optionFiles: [db/my.cnf]\n"
                + "    persisted: db/mysqld-auto.cnf\n");
        var model = ProjectLoader.load(LintRequest.of(root)).model();
        assertEquals(200L, model.servers().get(0).maxConnections().effective());
        assertTrue(model.notes().stream().anyMatch(n -> n.text().contains("has no SET PERSIST")), model.notes().toString());
    }

    @Test
    void brokenJsonIsAProblemWithItsPosition() throws Exception {
        PersistedVariables.Result r = PersistedVariables.read(new TextFile("a.cnf", "{\"Version\": 2,\n \"x\": [}"));
        assertEquals(1, r.problems().size());
        assertEquals("a.cnf:2:8", r.problems().get(0).at().toString());
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
