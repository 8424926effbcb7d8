package io.connlint.core.fuzz;

import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.persisted.PersistedVariables;
import io.connlint.core.server.ServerVariablesBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** mysqld-auto.cnf (SET PERSIST JSON): PersistedVariables, then the values ServerVariablesBuilder makes of them. */
class PersistedFuzzTest extends ReaderFuzz {

    @Override
    String reader() {
        return "mysqld-auto.cnf";
    }

    @Override
    List<String> corpusDirectories() {
        return List.of("mycnf");
    }

    @Override
    boolean isSeed(String fileName) {
        return fileName.contains("mysqld-auto");
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                { "Version" : 1 , "mysql_server" : { "max_connections" : { "Value" : "512" , "Metadata" : { "Timestamp" : 1567000000000000 , "User" : "root" , "Host" : "localhost" } } , "mysql_server_static_options" : { "innodb_buffer_pool_size" : { "Value" : "1073741824" , "Metadata" : { "Timestamp" : 1 , "User" : "root" , "Host" : "" } } } } }
                """, """
                {"Version": 2, "mysql_dynamic_parse_early_variables": {"wait_timeout": {"Value": "600", "Metadata": {"Timestamp": 1, "User": "root", "Host": "localhost"}}}, "mysql_static_variables": {"max_connections": {"Value": "1000", "Metadata": {"Timestamp": 2, "User": "root", "Host": "localhost"}}}, "mysql_sensitive_variables": {}}
                """);
    }

    @Override
    List<String> dictionary() {
        return List.of("{", "}", "[", "]", ":", ",", "\"", "\"Version\"", "1", "2", "\"mysql_server\"",
                "\"mysql_server_static_options\"", "\"mysql_static_variables\"", "\"mysql_dynamic_parse_early_variables\"",
                "\"Value\"", "\"Metadata\"", "\"max_connections\"", "\"wait_timeout\"", "\"innodb_buffer_pool_size\"",
                "null", "true", "false", "\"\\u0000\"", "\"\\ud800\"", "\"\\", "-", "1e99999", "\"512\"", "\"-1\"", "\"4G\"");
    }

    @Override
    String hostile(int variant, int size) {
        return switch (variant % 5) {
            case 0 -> "[".repeat(size) + "]".repeat(size);
            case 1 -> "{\"Version\":1,\"mysql_server\":" + "{\"a\":".repeat(size) + "1" + "}".repeat(size) + "}";
            case 2 -> "{\"Version\":1,\"mysql_server\":{" + "\"max_connections\":{\"Value\":\"1\"},".repeat(size)
                    + "\"x\":1}}";
            case 3 -> "{\"Version\":1,\"mysql_server\":{\"max_connections\":{\"Value\":\"" + "9".repeat(size) + "\"}}}";
            default -> "{\"Version\":" + "9".repeat(size) + "}";
        };
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        PersistedVariables.Result result = PersistedVariables.read(decode(dir, "mysqld-auto.cnf", input));
        List<Note> notes = new ArrayList<>();
        ServerVariablesBuilder.build(result.entries(), ServerEngine.parse("mysql-8.0").orElseThrow(), notes);
        return result.problems();
    }
}
