package io.connlint.core.server;

import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.OptionInIgnoredGroup;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.mycnf.ServerCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** One server's inputs in one pass: the server's order of precedence, and the facts of the same pass. */
class ServerAssemblyTest {

    private static final ServerEngine MYSQL = ServerEngine.parse("mysql-8.0").orElseThrow();

    @TempDir
    Path root;

    private final List<ReadProblem> problems = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    private ServerAssembly assembly(boolean declared) {
        return new ServerAssembly(MYSQL, declared, new ProjectPaths(root, Map.of()), problems::add, notes::add);
    }

    private Path write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static DatabaseServer server(ServerAssembly assembly) {
        return assembly.assemble(OpenFiles.UNKNOWN).server("main", Optional.empty(),
                Setting.assumed("reserved", 0L, "test"), List.of(), Optional.empty());
    }

    @Test
    void persistedWinsOverTheCommandLineWhichWinsOverTheOptionFiles() throws IOException {
        ServerAssembly assembly = assembly(true);
        Path persisted = write("mysqld-auto.cnf", "{\"Version\":1,\"mysql_server\":{\"wait_timeout\":{\"Value\":\"77\"}}}");
        // handed in out of order: the assembly applies them in the server's order
        assembly.persisted(persisted);
        assembly.commandLine(List.of(new OptionEntry(ServerCommandLine.GROUP, "max-connections", Optional.of("300"),
                "300", new SourceLocation("compose.yaml", 4, 14)), new OptionEntry(ServerCommandLine.GROUP,
                "wait_timeout", Optional.of("60"), "60", new SourceLocation("compose.yaml", 4, 30))));
        assembly.optionFiles(List.of(write("my.cnf", "[mysqld]\nmax_connections = 200\nwait_timeout = 30\n")));
        DatabaseServer server = server(assembly);
        assertEquals(300L, server.maxConnections().effective());
        assertEquals(77L, server.waitTimeout().effective());
        assertEquals(List.of("my.cnf", "mysqld-auto.cnf"), server.optionFiles());
        assertEquals(List.of("my.cnf:2:1", "my.cnf:3:1", "compose.yaml:4:30"),
                server.overridden().stream().map(o -> o.at().toString()).toList());
        assertEquals("mysqld-auto.cnf", server.overridden().get(2).winner().location().orElseThrow().path());
        assertEquals(List.of(), problems);
    }

    @Test
    void refusalsIgnoredGroupsAndSkippedFilesComeOutOfTheSamePass() throws IOException {
        ServerAssembly assembly = assembly(true);
        assembly.optionFiles(List.of(write("my.cnf", "[mysqld]\nwait_timeout = 1.5G\n!include nope.cnf\n"
                + "[client]\nmax_connections = 5\n")));
        DatabaseServer server = server(assembly);
        assertEquals(List.of(OptionFileIssue.Kind.FILE_IGNORED, OptionFileIssue.Kind.REFUSED),
                server.issues().stream().map(OptionFileIssue::kind).toList(), "the reader's issues, then the refusals");
        OptionFileIssue.OptionRefused refused = assertInstanceOf(OptionFileIssue.OptionRefused.class,
                server.issues().get(1).cause());
        assertEquals(OptionFileIssue.Reason.UNKNOWN_SUFFIX, refused.reason());
        assertEquals(Optional.of('.'), refused.suffix());
        assertEquals("wait_timeout = 1.5G", server.issues().get(1).subject());
        assertEquals(List.of(new OptionInIgnoredGroup(new SourceLocation("my.cnf", 5, 1), "max_connections", "client")),
                server.ignoredGroups());
    }

    @Test
    void discoveredFilesThatAnotherIncludesAreNotTopLevel() throws IOException {
        ServerAssembly assembly = assembly(false);
        Path fragment = write("conf.d/a.cnf", "[mysqld]\nmax_connections = 120\n");
        Path main = write("my.cnf", "[mysqld]\nmax_connections = 100\n!includedir conf.d\n");
        assembly.discoveredOptionFiles(List.of(fragment, main));
        DatabaseServer server = server(assembly);
        assertEquals(List.of("my.cnf", "conf.d/a.cnf"), server.optionFiles());
        assertEquals(120L, server.maxConnections().effective());
    }
}
