package io.connlint.core.fuzz;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files connlint must not read or cannot read: symbolic links leaving the project root (unless
 * connlint.yml sets followSymlinksOutside), links that loop or dangle, unreadable files and
 * directories. Each is a problem at the file; the other files are still read.
 */
class FilesTest {

    @TempDir
    Path temp;

    private Path project;
    private Path outside;

    private void setUp() throws IOException {
        project = Files.createDirectories(temp.resolve("project"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.createDirectories(project.resolve("good"));
        Files.writeString(project.resolve("good/hikari.properties"), "maximumPoolSize=10\n");
        Files.writeString(outside.resolve("hikari.properties"), "maximumPoolSize=99\n");
        Files.writeString(outside.resolve("my.cnf"), "[mysqld]\nmax_connections=5\n");
    }

    private Deployment load() {
        return ProjectLoader.load(LintRequest.of(project)).model();
    }

    private static String problems(Deployment model) {
        return model.problems().stream().map(p -> p.at() + " " + p.message()).collect(Collectors.joining("\n"));
    }

    private static List<ClientPool> poolsOf(Deployment model, String app) {
        return model.pools().stream().filter(p -> p.app().equals(app)).toList();
    }

    private static void goodStillRead(Deployment model) {
        assertEquals(10L, poolsOf(model, "good").get(0).settings().get("maximumPoolSize").value(), problems(model));
    }

    @Test
    void linksLeavingTheRootAreNotFollowedUnlessAllowed() throws IOException {
        setUp();
        Files.createDirectories(project.resolve("linked"));
        Files.createSymbolicLink(project.resolve("linked/hikari.properties"), outside.resolve("hikari.properties"));
        Files.createDirectories(project.resolve("db"));
        Files.createSymbolicLink(project.resolve("db/my.cnf"), outside.resolve("my.cnf"));
        String apps = "servers:\n  main:\n    optionFiles: [db/my.cnf]\napps:\n  good:\n"
                + "    config: [good/hikari.properties]\n  linked:\n    config: [linked/hikari.properties]\n";
        Files.writeString(project.resolve("connlint.yml"), apps);
        Deployment model = load();
        String problems = problems(model);
        assertTrue(problems.contains("linked/hikari.properties:1:1 a symbolic link that leads outside the project root;"
                + " not followed (set followSymlinksOutside: true in connlint.yml to read it)"), problems);
        assertTrue(problems.contains("db/my.cnf:1:1 a symbolic link that leads outside the project root"), problems);
        assertFalse(model.servers().get(0).variables().get("max_connections").location().isPresent(), problems);
        goodStillRead(model);

        Files.writeString(project.resolve("connlint.yml"), "followSymlinksOutside: true\n" + apps);
        model = load();
        assertEquals("", problems(model));
        assertEquals(99L, poolsOf(model, "linked").get(0).settings().get("maximumPoolSize").value());
        assertEquals(5L, model.servers().get(0).variables().get("max_connections").value());
    }

    @Test
    void theLimitsHoldOnEveryThreadOfAParallelRead() throws IOException {
        // 24 apps and servers: read in parallel (ProjectLoader), where the worker threads once ran
        // without the run's limits and followed links out of the root
        setUp();
        StringBuilder yml = new StringBuilder("maxFileBytes: 1000\nservers:\n");
        for (int i = 0; i < 4; i++) {
            Files.createDirectories(project.resolve("db" + i));
            Files.createSymbolicLink(project.resolve("db" + i + "/my.cnf"), outside.resolve("my.cnf"));
            yml.append("  db").append(i).append(":\n    optionFiles: [db").append(i).append("/my.cnf]\n");
        }
        yml.append("apps:\n  good:\n    config: [good/hikari.properties]\n");
        for (int i = 0; i < 20; i++) {
            Path dir = Files.createDirectories(project.resolve("app" + i));
            if (i % 2 == 0) {
                Files.createSymbolicLink(dir.resolve("hikari.properties"), outside.resolve("hikari.properties"));
            } else {
                Files.writeString(dir.resolve("hikari.properties"), "# " + "x".repeat(2000) + "\nmaximumPoolSize=99\n");
            }
            yml.append("  app").append(i).append(":\n    config: [app").append(i).append("/hikari.properties]\n");
        }
        Files.writeString(project.resolve("connlint.yml"), yml.toString());
        Deployment model = load();
        String problems = problems(model);
        assertEquals(14, model.problems().stream().filter(p -> p.message().contains("leads outside the project root"))
                .count(), problems);
        assertEquals(10, model.problems().stream().filter(p -> p.message().contains("over the limit of 1000 bytes"))
                .count(), problems);
        assertTrue(model.pools().stream().noneMatch(p -> Long.valueOf(99).equals(
                p.settings().get("maximumPoolSize").value())), problems);
        assertTrue(model.servers().stream().noneMatch(s -> s.variables().get("max_connections").location()
                .isPresent()), problems);
        goodStillRead(model);
    }

    @Test
    void pathsInConnlintYmlOutsideTheRootAreNotRead() throws IOException {
        setUp();
        Files.writeString(project.resolve("connlint.yml"), "apps:\n  good:\n    config: [good/hikari.properties]\n"
                + "  out:\n    config: [../outside/hikari.properties]\n  abs:\n    config: ["
                + outside.resolve("hikari.properties") + "]\n");
        Deployment model = load();
        String problems = problems(model);
        assertEquals(2, model.problems().stream().filter(p -> p.message().contains("outside the project root")).count(),
                problems);
        assertTrue(model.pools().stream().noneMatch(p -> Long.valueOf(99).equals(p.settings().get("maximumPoolSize")
                .value())), problems);
        goodStillRead(model);
    }

    @Test
    void discoveryChecksLinksInsideTheRootOnceAndRefusesThoseLeavingIt() throws IOException {
        setUp();
        Files.createDirectories(project.resolve("a"));
        Files.createSymbolicLink(project.resolve("a/hikari.properties"), outside.resolve("hikari.properties"));
        Files.createDirectories(project.resolve("b"));
        Files.createSymbolicLink(project.resolve("b/hikari.properties"), project.resolve("good/hikari.properties"));
        Files.createSymbolicLink(project.resolve("loop"), project); // a directory loop: never walked
        Files.createSymbolicLink(project.resolve("c.cnf"), project.resolve("d.cnf")); // links that loop
        Files.createSymbolicLink(project.resolve("d.cnf"), project.resolve("c.cnf"));
        Files.createSymbolicLink(project.resolve("gone.cnf"), project.resolve("missing.cnf"));
        Deployment model = load();
        String problems = problems(model);
        assertTrue(problems.contains("a/hikari.properties:1:1 a symbolic link that leads outside the project root"),
                problems);
        assertTrue(problems.contains("gone.cnf:1:1 a symbolic link whose target does not exist"), problems);
        assertTrue(problems.contains("c.cnf:1:1 cannot read file: FileSystemException"), problems);
        assertEquals(1, model.pools().stream().filter(p -> p.configFiles().contains("good/hikari.properties")).count());
        assertTrue(model.pools().stream().noneMatch(p -> p.configFiles().contains("b/hikari.properties")),
                "a link to a file checked anyway is not checked twice");
        goodStillRead(model);
    }

    /**
     * chmod 000 stops only users without CAP_DAC_OVERRIDE; root (as in this build's container)
     * reads the file anyway, so there the test is skipped and {@link #unreadableContentIsAProblem}
     * covers the read error.
     */
    @Test
    void unreadableFilesAndDirectoriesAreProblems() throws IOException {
        setUp();
        Path file = project.resolve("locked/hikari.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "maximumPoolSize=3\n");
        Path dir = Files.createDirectories(project.resolve("closed"));
        Files.writeString(dir.resolve("my.cnf"), "[mysqld]\nmax_connections=1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(file), "skipped: running as root, which reads files whatever "
                    + "their permissions; unreadableContentIsAProblem covers the read error");
            Deployment model = load();
            String problems = problems(model);
            assertTrue(problems.contains("locked/hikari.properties:1:1 permission denied"), problems);
            assertTrue(problems.contains("closed:1:1 permission denied"), problems);
            goodStillRead(model);
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** A read that fails even for root: /proc/self/mem fails at offset 0 (EIO), reached through an allowed link. */
    @Test
    void unreadableContentIsAProblem() throws IOException {
        Path mem = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(Files.exists(mem), "skipped: no /proc (not Linux)");
        setUp();
        Files.createDirectories(project.resolve("proc"));
        Files.createSymbolicLink(project.resolve("proc/hikari.properties"), mem);
        Files.writeString(project.resolve("connlint.yml"), "followSymlinksOutside: true\napps:\n  good:\n"
                + "    config: [good/hikari.properties]\n  proc:\n    config: [proc/hikari.properties]\n");
        Deployment model = load();
        ReadProblem p = model.problems().stream().filter(x -> x.at().path().equals("proc/hikari.properties"))
                .findFirst().orElseThrow(() -> new AssertionError(problems(model)));
        assertTrue(p.message().startsWith("cannot read file"), p.message());
        goodStillRead(model);
    }

    @Test
    void devicesAndPipesAreNotRead() throws IOException, InterruptedException {
        setUp();
        Files.createSymbolicLink(project.resolve("zero.cnf"), Path.of("/dev/zero"));
        Files.writeString(project.resolve("connlint.yml"), "followSymlinksOutside: true\nservers:\n  main:\n"
                + "    optionFiles: [zero.cnf]\napps:\n  good:\n    config: [good/hikari.properties]\n");
        Deployment model = load();
        String problems = problems(model);
        assertTrue(problems.contains("zero.cnf"), problems);
        goodStillRead(model);
    }
}
