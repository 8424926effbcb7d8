package io.connlint.rules.server;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words of the option-file issues the reader records (CL504, CL507). These cases were the
 * reader's (OptionFileReaderTest, OptionFileCorpusTest, LimitsTest) while the reader wrote the
 * messages; the reader now records facts and {@link OptionFileIssueText} words them.
 */
class OptionFileIssueTextTest {

    private static final Set<String> GROUPS = Set.of("mysqld", "server");
    private static final ServerEngine MYSQL = ServerEngine.parse("mysql-8.0").orElseThrow();

    @TempDir
    Path project;

    @Test
    void optionWithoutGroupInTheTopLevelFile() throws IOException {
        OptionFiles read = read(write("my.cnf", "# header\n\nmax_connections = 10\n[mysqld]\nport = 1\n"));
        OptionFileIssue problem = single(read.issues());
        assertEquals(OptionFileIssue.Kind.REFUSED, problem.kind());
        assertEquals(new SourceLocation("my.cnf", 3, 1), problem.at());
        assertEquals("option without a preceding [group]; mysqld refuses to start with this file", message(problem));
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(), read.entries(), "nothing after the error line is read");
    }

    @Test
    void errorsInAnIncludedFileDropOnlyItsRest() throws IOException {
        write("frag.cnf", "[mysqld]\nkept = 1\n  [mysqld\ndropped = 1\n");
        OptionFiles read = read(write("my.cnf", "[mysqld]\na = 1\n!include frag.cnf\nb = 2\n"));
        assertEquals(List.of("--a=1", "--kept=1", "--b=2"), arguments(read));
        OptionFileIssue problem = single(read.issues());
        assertEquals(OptionFileIssue.Kind.FILE_IGNORED, problem.kind());
        assertEquals(new SourceLocation("frag.cnf", 3, 3), problem.at());
        assertEquals("wrong group definition: '[' without a closing ']'; mysqld ignores the rest of this included file",
                message(problem));
    }

    @Test
    void byteOrderMarkIsExplained() throws IOException {
        Path file = project.resolve("my.cnf");
        Files.write(file, "\uFEFF[mysqld]\na=1\n".getBytes(StandardCharsets.UTF_8));
        OptionFileIssue problem = single(read(file).issues());
        assertEquals(new SourceLocation("my.cnf", 1, 1), problem.at());
        assertTrue(message(problem).contains("byte-order mark"), message(problem));
    }

    @Test
    void missingIncludeIsSkipped() throws IOException {
        OptionFiles read = read(write("my.cnf", "[mysqld]\n!include nope.cnf\na=1\n"));
        assertEquals(List.of("--a=1"), arguments(read));
        assertEquals(List.of(), read.problems());
        OptionFileIssue issue = single(read.issues());
        assertEquals(OptionFileIssue.Kind.FILE_IGNORED, issue.kind());
        assertEquals(new SourceLocation("my.cnf", 2, 1), issue.at());
        assertTrue(message(issue).contains("does not exist; mysqld skips a missing include"), message(issue));
    }

    @Test
    void nonCnfFileWithAGroupInAnIncludedirIsReported() throws IOException {
        write("conf.d/a.conf", "[mysqld]\nx=1\n");
        write("conf.d/README", "no group here\n");
        write("conf.d/.hidden", "[mysqld]\n");
        write("conf.d/b.cnf", "[mysqld]\ny=1\n");
        OptionFiles read = read(write("my.cnf", "[mysqld]\n!includedir conf.d\n"));
        assertEquals(List.of("--y=1"), arguments(read));
        OptionFileIssue issue = single(read.issues());
        assertEquals(new SourceLocation("conf.d/a.conf", 1, 1), issue.at());
        assertTrue(message(issue).contains("reads only files whose name ends in .cnf"), message(issue));
    }

    @Test
    void worldWritableFileIsIgnoredAsByMysqld() throws IOException {
        Path file = write("my.cnf", "[mysqld]\na = 1\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions here");
        }
        OptionFiles read = read(file);
        assertEquals(List.of(), read.entries());
        assertEquals(List.of(), read.filesRead());
        OptionFileIssue issue = single(read.issues());
        assertEquals(OptionFileIssue.Kind.FILE_IGNORED, issue.kind());
        assertTrue(message(issue).contains("world-writable"), message(issue));
    }

    @Test
    void vitessFragmentWithoutGroup() {
        OptionFiles read = read(corpusFile("vitess-mysql57-fragment-no-group.cnf"), MYSQL);
        assertEquals(List.of(), read.entries());
        OptionFileIssue problem = single(read.issues());
        assertEquals(OptionFileIssue.Kind.REFUSED, problem.kind());
        assertEquals(new SourceLocation("vitess-mysql57-fragment-no-group.cnf", 6, 1), problem.at());
        assertTrue(message(problem).startsWith("option without a preceding [group]"), message(problem));
    }

    @Test
    void aBomInAnOptionFileIsWhatMysqldRefuses() throws IOException {
        goodPool();
        write("b/my.cnf", "\uFEFF[mysqld]\nmax_connections = 77\n");
        write("connlint.yml", "servers:\n  main:\n    optionFiles: [b/my.cnf]\napps:\n  good:\n"
                + "    config: [good/hikari.properties]\n");
        Deployment model = load();
        // a refusal of mysqld's is an option-file issue of the server (CL504), at the file's start
        assertTrue(model.servers().get(0).issues().stream().anyMatch(i -> described(i).contains("byte-order mark")
                && described(i).contains("b/my.cnf:1:1")), model.servers().get(0).issues().toString());
        poolStillRead(model);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String message(OptionFileIssue issue) {
        return OptionFileIssueText.message(issue);
    }

    /** Where and what, as the issue's text said before the words moved into the rule. */
    private static String described(OptionFileIssue issue) {
        return issue.at() + " " + OptionFileIssueText.message(issue);
    }

    private OptionFiles read(Path file) {
        return new OptionFileReader(new ProjectPaths(project, Map.of()), GROUPS).read(file);
    }

    private static OptionFiles read(Path file, ServerEngine engine) {
        return new OptionFileReader(new ProjectPaths(file.getParent(), Map.of()), engine).read(file);
    }

    private static Path corpusFile(String name) {
        return Corpus.realworld("mycnf").resolve(name);
    }

    private Path write(String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Deployment load() {
        return assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> ProjectLoader.load(LintRequest.of(project)).model());
    }

    private void goodPool() throws IOException {
        write("good/hikari.properties", "maximumPoolSize=10\n");
    }

    private static void poolStillRead(Deployment model) {
        assertTrue(model.pools().stream().map(ClientPool::id).anyMatch(id -> id.equals("good")), problems(model));
    }

    private static String problems(Deployment model) {
        return model.problems().stream().map(p -> p.at() + " " + p.message()).collect(Collectors.joining("\n"));
    }

    private static List<String> arguments(OptionFiles read) {
        return read.entries().stream().map(OptionEntry::asArgument).toList();
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), () -> "expected one, got " + list);
        return list.get(0);
    }
}
