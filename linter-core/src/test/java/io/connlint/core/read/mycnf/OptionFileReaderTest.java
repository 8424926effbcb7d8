package io.connlint.core.read.mycnf;

import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the reader reports beside the options: problems where mysqld refuses a file, notes where
 * connlint assumed something or could not follow an include. These run without
 * my_print_defaults; MyPrintDefaultsFidelityTest checks the options themselves against it.
 */
class OptionFileReaderTest {

    private static final Set<String> GROUPS = Set.of("mysqld", "server");
    private static final ServerEngine MARIADB = ServerEngine.parse("mariadb-10.11").orElseThrow();

    @TempDir
    Path project;




    @Test
    void emptyIncludeDirective() throws IOException {
        OptionFiles read = read(write("my.cnf", "[mysqld]\na=1\n!include   \nb=2\n"));
        assertEquals(new SourceLocation("my.cnf", 3, 1), single(read.issues()).at());
        assertEquals(List.of("--a=1"), arguments(read));
    }


    @Test
    void missingIncludedirIsFatalAtTheTopAndDropsTheRestOfAnIncludedFile() throws IOException {
        OptionFiles top = read(write("my.cnf", "[mysqld]\n!includedir conf.d\na=1\n"));
        assertEquals(List.of(), arguments(top), "mysqld reads nothing after it");
        assertEquals(OptionFileIssue.Kind.REFUSED, single(top.issues()).kind());
        write("frag.cnf", "[mysqld]\nb=1\n!includedir nodir\nc=1\n");
        OptionFiles included = read(write("main.cnf", "[mysqld]\n!include frag.cnf\nd=1\n"));
        // checked with my_print_defaults 10.11: --b=1 --d=1
        assertEquals(List.of("--b=1", "--d=1"), arguments(included));
        OptionFileIssue issue = single(included.issues());
        assertEquals(OptionFileIssue.Kind.FILE_IGNORED, issue.kind());
        assertEquals(new SourceLocation("frag.cnf", 3, 1), issue.at());
    }


    @Test
    void relativeIncludeResolvesAgainstTheTopLevelDirectory() throws IOException {
        write("conf/inner.cnf", "[mysqld]\nfrom = conf\n");
        write("conf/outer.cnf", "[mysqld]\n!include conf/inner.cnf\n");
        OptionFiles read = read(write("my.cnf", "[mysqld]\n!include conf/outer.cnf\n"));
        assertEquals(List.of("my.cnf", "conf/outer.cnf", "conf/inner.cnf"), read.filesRead());
        assertTrue(hasNote(read, 2, "(mysqld resolves it against its working directory)"),
                () -> read.notes().toString());
    }

    @Test
    void absolutePathsNeedAPathMap() throws IOException {
        write("etc-mysql/conf.d/a.cnf", "[mysqld]\nfrom = mapped\n");
        Path top = write("my.cnf", "[mysqld]\n!includedir /etc/mysql/conf.d/\n!include /etc/other.cnf\n");
        OptionFiles unmapped = read(top);
        assertEquals(List.of(), unmapped.entries());
        assertTrue(hasNote(unmapped, 2, "map it with pathMap in connlint.yml"), () -> unmapped.notes().toString());
        assertTrue(hasNote(unmapped, 3, "map it with pathMap in connlint.yml"), () -> unmapped.notes().toString());

        OptionFiles mapped = new OptionFileReader(new ProjectPaths(project, Map.of("/etc/mysql", "etc-mysql")), GROUPS)
                .read(top);
        assertEquals(List.of("--from=mapped"), arguments(mapped));
        assertEquals(List.of("my.cnf", "etc-mysql/conf.d/a.cnf"), mapped.filesRead());
    }

    @Test
    void relativePathsOutOfTheProjectAreNotFollowed() throws IOException {
        Path inner = Files.createDirectories(project.resolve("repo"));
        write("outside.cnf", "[mysqld]\nsecret = 1\n");
        Path top = Files.writeString(inner.resolve("my.cnf"), "[mysqld]\n!include ../outside.cnf\n!include ~/.my.cnf\n");
        OptionFiles read = new OptionFileReader(new ProjectPaths(inner, Map.of()), GROUPS).read(top);
        assertEquals(List.of(), read.entries());
        assertEquals(List.of("my.cnf"), read.filesRead());
        assertTrue(hasNote(read, 2, "names a path outside the project"), () -> read.notes().toString());
        assertTrue(hasNote(read, 3, "names a path outside the project"), () -> read.notes().toString());
    }

    @Test
    void includeDepthIsLimitedAsInMysqld() throws IOException {
        for (int i = 1; i <= 11; i++) {
            write("d" + i + ".cnf", "[mysqld]\nlevel = " + i + "\n!include d" + (i + 1) + ".cnf\n");
        }
        OptionFiles read = read(write("my.cnf", "[mysqld]\nlevel = 0\n!include d1.cnf\n"));
        assertEquals(11, read.entries().size(), "levels 0 to 10");
        assertEquals("--level=10", arguments(read).get(10));
        Note note = single(read.notes().stream().filter(n -> n.text().startsWith("skipping")).toList());
        assertEquals(new SourceLocation("d10.cnf", 3, 1), note.at());
    }

    @Test
    void selfIncludeRepeatsAsInMysqldAndIsNoted() throws IOException {
        OptionFiles read = read(write("my.cnf", "[mysqld]\nx = 1\n!include my.cnf\ny = 2\n"));
        assertEquals(22, read.entries().size(), "mysqld reads the file at depths 0 to 10");
        assertEquals(List.of("my.cnf"), read.filesRead());
        assertTrue(hasNote(read, 3, "includes itself through this line"), () -> read.notes().toString());
        assertEquals(List.of(), read.problems());
    }

    @Test
    @Timeout(20)
    void includedirLoopIsCutOff() throws IOException {
        for (String name : List.of("a.cnf", "b.cnf", "c.cnf", "d.cnf")) {
            write("conf.d/" + name, "[mysqld]\nfile = " + name + "\n!includedir conf.d\n");
        }
        OptionFiles read = read(write("my.cnf", "[mysqld]\n!includedir conf.d\n"));
        ReadProblem problem = single(read.problems());
        assertTrue(problem.message().startsWith("stopped after reading " + OptionFileReader.MAX_FILES_PER_READ),
                problem.message());
    }

    @Test
    @Timeout(20)
    void largeSelfIncludeIsCutOff() throws IOException {
        OptionFiles read = read(write("my.cnf", "[mysqld]\n# " + "x".repeat(3_000_000) + "\n!include my.cnf\n"));
        ReadProblem problem = single(read.problems());
        assertTrue(problem.message().startsWith("stopped reading includes"), problem.message());
    }


    @Test
    void latin1FileIsReadByteByByte() throws IOException {
        Path file = project.resolve("my.cnf");
        Files.write(file, "[mysqld]\n# Gr\u00f6\u00dfe\nname = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        OptionFiles read = read(file);
        assertEquals(List.of("--name=caf\u00e9"), arguments(read));
        assertTrue(hasNote(read, 1, "not valid UTF-8"), () -> read.notes().toString());
    }

    @Test
    void longLinesAreCutOnlyByMariaDbAndMySql57() throws IOException {
        Path file = write("my.cnf", "[mysqld]\nlong = " + "x".repeat(5000) + "\n");
        OptionFiles mariadb = new OptionFileReader(new ProjectPaths(project, Map.of()), MARIADB).read(file);
        assertEquals(2, mariadb.entries().size());
        assertEquals(OptionFileReader.MARIADB_LINE_BYTES, ("long = " + mariadb.entries().get(0).value().orElseThrow())
                .length());
        // the rest of the cut line is where it is in the file: line 2, after the first 4094 bytes
        assertEquals(new SourceLocation("my.cnf", 2, OptionFileReader.MARIADB_LINE_BYTES + 1),
                mariadb.entries().get(1).at());
        assertTrue(hasNote(mariadb, 2, "line longer than 4094 bytes"), () -> mariadb.notes().toString());

        OptionFiles mysql = read(file);
        assertEquals(1, mysql.entries().size(), "MySQL 8.0 reads whole lines");
        assertEquals(5000, mysql.entries().get(0).value().orElseThrow().length());
    }

    @Test
    void wantedGroupsMatchInAnyCase() throws IOException {
        Path file = write("my.cnf", "[MYSQLD]\na = 1\n[Server]\nb = 2\n[mysqld_safe]\nc = 3\n");
        OptionFiles read = new OptionFileReader(new ProjectPaths(project, Map.of()), Set.of("MySQLd", "server"))
                .read(file);
        assertEquals(List.of("--a=1", "--b=2"), arguments(read));
        assertEquals("MYSQLD", read.entries().get(0).group(), "the group as written");
    }

    @Test
    void entryKeepsRawValueAndLocation() throws IOException {
        OptionFiles read = read(write("my.cnf", "[mysqld]\n\n   name\t=  \"a\\tb\"   # note\n"));
        OptionEntry entry = single(read.entries());
        assertEquals("name", entry.name());
        assertEquals("\"a\\tb\"", entry.raw());
        assertEquals("a\tb", entry.value().orElseThrow());
        assertEquals(new SourceLocation("my.cnf", 3, 4), entry.at());
    }

    @Test
    void missingTopLevelFile() {
        OptionFiles read = read(project.resolve("absent.cnf"));
        assertEquals(new ReadProblem(ReadProblem.Kind.UNREADABLE, SourceLocation.startOf("absent.cnf"),
                "file does not exist"), single(read.problems()));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private OptionFiles read(Path file) {
        return new OptionFileReader(new ProjectPaths(project, Map.of()), GROUPS).read(file);
    }

    private Path write(String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> arguments(OptionFiles read) {
        return read.entries().stream().map(OptionEntry::asArgument).toList();
    }

    private static boolean hasNote(OptionFiles read, int line, String text) {
        return read.notes().stream().anyMatch(n -> n.at().line() == line && n.text().contains(text));
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), () -> "expected one, got " + list);
        return list.get(0);
    }
}
