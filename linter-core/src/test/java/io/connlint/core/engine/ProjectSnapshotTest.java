package io.connlint.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a {@link ProjectSnapshot} notices, and what its {@link ProjectSnapshot.Coverage} calls outside it. */
class ProjectSnapshotTest {

    @TempDir
    Path tmp;

    Path root;
    Path reports;

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        reports = root.resolve("reports");
        write("db/my.cnf", "[mysqld]\nmax_connections = 100\n");
        write("db/conf.d/tuning.cnf", "[mysqld]\nwait_timeout = 600\n");
        write("app/src/main/resources/hikari.properties", "maximumPoolSize=25\n");
        write("connlint.yml", "servers: {}\n");
    }

    private Path write(String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return file;
    }

    private ProjectSnapshot take() {
        return ProjectSnapshot.take(root, List.of(reports), List.of());
    }

    /** Every path under the root, as a check that looked at every file would have them detailed. */
    private Set<String> everything() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet());
        }
    }

    /** The description detailed for every file as the project is now. */
    private byte[] describe() throws IOException {
        return take().bytes(everything());
    }

    private void assertChanged(byte[] before, String what) throws IOException {
        assertFalse(Arrays.equals(before, describe()), what + " went unnoticed");
    }

    @Test
    void anUnchangedProjectMatches() throws IOException {
        assertTrue(take().usable(), take().unusable()::toString);
        assertArrayEquals(describe(), describe());
    }

    @Test
    void aSnapshotTakenForSomeFilesDescribesThemAsAFullOneDoes() throws IOException {
        Files.createSymbolicLink(root.resolve("db/conf.d/link.cnf"), root.resolve("db/conf.d/tuning.cnf"));
        Set<String> looked = Set.of("db/my.cnf", "db/conf.d/link.cnf", "db/conf.d", "connlint.yml");

        assertArrayEquals(take().bytes(looked),
                ProjectSnapshot.take(root, List.of(reports), List.of(), looked).bytes(looked));
    }

    @Test
    void filesNotLookedAtAreNamedOnly() throws IOException {
        Set<String> looked = Set.of("db/my.cnf");
        byte[] before = take().bytes(looked);

        write("app/src/main/resources/hikari.properties", "maximumPoolSize=500\n");
        assertArrayEquals(before, take().bytes(looked), "a file the check did not look at");

        write("db/my.cnf", "[mysqld]\nmax_connections = 90\n");
        assertFalse(Arrays.equals(before, take().bytes(looked)), "a file the check looked at");
    }

    @Test
    void anEditThatKeepsSizeAndModificationTimeIsNoticed() throws IOException {
        Path pool = root.resolve("app/src/main/resources/hikari.properties");
        FileTime modified = Files.getLastModifiedTime(pool);
        byte[] before = describe();

        Files.writeString(pool, "maximumPoolSize=15\n");
        Files.setLastModifiedTime(pool, modified);

        assertChanged(before, "an in-place edit with its time put back");
    }

    @Test
    void filesAddedRemovedRenamedOrReplacedAreNoticed() throws IOException {
        byte[] before = describe();
        write("db/conf.d/extra.cnf", "[mysqld]\n");
        assertChanged(before, "a new file");

        before = describe();
        Files.delete(root.resolve("db/conf.d/extra.cnf"));
        assertChanged(before, "a removed file");

        before = describe();
        Files.move(root.resolve("db/conf.d/tuning.cnf"), root.resolve("db/conf.d/tuning.cnf.bak"));
        assertChanged(before, "a renamed file");

        before = describe();
        Path cnf = root.resolve("db/my.cnf");
        FileTime modified = Files.getLastModifiedTime(cnf);
        Path replacement = write("db/my.cnf.new", "[mysqld]\nmax_connections = 900\n");
        Files.setLastModifiedTime(replacement, modified);
        Files.move(replacement, cnf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertChanged(before, "a file replaced by another of the same size and time");
    }

    @Test
    void aChangeOfPermissionsIsNoticed() throws IOException {
        byte[] before = describe();

        Files.setPosixFilePermissions(root.resolve("db/my.cnf"), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertChanged(before, "a world-writable option file (mysqld ignores it)");
    }

    @Test
    void skippedAndExcludedDirectoriesAreLeftOut() throws IOException {
        write("app/target/classes/hikari.properties", "maximumPoolSize=25\n");
        write(".git/index", "a");
        write("reports/connlint.sarif", "{}");
        byte[] before = describe();

        write("app/target/classes/hikari.properties", "maximumPoolSize=900\n");
        write(".git/index", "bb");
        write("reports/connlint.sarif", "{\"runs\": []}");

        assertArrayEquals(before, describe());
        Files.createDirectories(root.resolve("app/build"));
        Files.createDirectories(root.resolve("node_modules/x"));
        assertArrayEquals(before, describe(), "skipped directories are left out altogether");
    }

    @Test
    void linksLeadingOutsideTheDescribedFilesMakeTheSnapshotUnusable() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.cnf"), "[mysqld]\n");
        Files.createSymbolicLink(root.resolve("db/conf.d/out.cnf"), outside);
        assertFalse(take().usable());
        assertTrue(take().unusable().orElseThrow().contains("db/conf.d/out.cnf"), take().unusable()::toString);

        Files.delete(root.resolve("db/conf.d/out.cnf"));
        Files.createSymbolicLink(root.resolve("db/conf.d/nowhere.cnf"), root.resolve("db/missing.cnf"));
        assertFalse(take().usable(), "a dangling link: its target could appear anywhere");

        Files.delete(root.resolve("db/conf.d/nowhere.cnf"));
        write("app/target/generated.cnf", "[mysqld]\n");
        Files.createSymbolicLink(root.resolve("db/conf.d/generated.cnf"), root.resolve("app/target/generated.cnf"));
        assertFalse(take().usable(), "a link into a skipped directory");

        Files.delete(root.resolve("db/conf.d/generated.cnf"));
        Files.createSymbolicLink(root.resolve("db/conf.d/tuning-link.cnf"), root.resolve("db/conf.d/tuning.cnf"));
        assertTrue(take().usable(), take().unusable()::toString);
    }

    @Test
    void namedFilesOutsideTheRootAreDescribedToo() throws IOException {
        Path baseline = Files.writeString(tmp.resolve("baseline.json"), "{}");
        byte[] before = ProjectSnapshot.take(root, List.of(reports), List.of(baseline)).bytes(Set.of());

        Files.writeString(baseline, "{\"x\": 1}");

        assertFalse(Arrays.equals(before, ProjectSnapshot.take(root, List.of(reports), List.of(baseline)).bytes(Set.of())));
    }

    @Test
    void theNewestModificationTimeOfTheFilesLookedAtIsKnown() throws IOException {
        Set<String> looked = Set.of("db/my.cnf");
        assertTrue(take().newest(looked).isBefore(Instant.now().minus(Duration.ofMinutes(59))));

        Files.writeString(root.resolve("app/build.log"), "now");
        assertTrue(take().newest(looked).isBefore(Instant.now().minus(Duration.ofMinutes(59))));

        Files.writeString(root.resolve("db/my.cnf"), "[mysqld]\n");
        assertTrue(take().newest(looked).isAfter(Instant.now().minus(Duration.ofMinutes(1))));
    }

    @Test
    void coverageRecordsWhatTheCheckLookedAt() {
        ProjectSnapshot.Coverage coverage = ProjectSnapshot.coverage(root, List.of(reports), List.of());
        coverage.accept(root.resolve("db/my.cnf"));
        coverage.accept(root.resolve("db/./conf.d/../conf.d"));
        coverage.accept(tmp.resolve("elsewhere.cnf"));

        assertEquals(Set.of("db/my.cnf", "db/conf.d"), coverage.looked());
        assertEquals(tmp.resolve("elsewhere.cnf"), coverage.uncovered().orElseThrow());
    }

    @Test
    void coverageNamesThePathsASnapshotDoesNotDescribe() throws IOException {
        write("app/target/x.cnf", "");
        Path baseline = tmp.resolve("baseline.json");
        write(".my.cnf", "[client]\n");
        assertEquals(List.of(), uncovered(root.resolve("db/my.cnf"), root.resolve("db/conf.d"),
                root.resolve("db/missing/deeper.cnf"), root.resolve(".my.cnf"), root, baseline));
        assertEquals(List.of(root.resolve("app/target")), uncovered(root.resolve("app/target")));
        // left out whether it exists or not: its creation would go unseen
        assertEquals(List.of(root.resolve("app/build")), uncovered(root.resolve("app/build")));
        assertEquals(List.of(root.resolve("app/target/x.cnf")), uncovered(root.resolve("app/target/x.cnf")));
        assertEquals(List.of(root.resolve(".git/config")), uncovered(root.resolve(".git/config")));
        assertEquals(List.of(reports.resolve("a.cnf")), uncovered(reports.resolve("a.cnf")));
        assertEquals(List.of(tmp.resolve("outside.cnf")), uncovered(tmp.resolve("outside.cnf")));
        assertEquals(List.of(root.resolve("db/../../outside.cnf")), uncovered(root.resolve("db/../../outside.cnf")));
    }

    /** The path a coverage reports after being told each of {@code paths} separately (a baseline named to it). */
    private List<Path> uncovered(Path... paths) {
        List<Path> found = new java.util.ArrayList<>();
        for (Path p : paths) {
            ProjectSnapshot.Coverage coverage = ProjectSnapshot.coverage(root, List.of(reports),
                    List.of(tmp.resolve("baseline.json")));
            coverage.accept(p);
            coverage.uncovered().ifPresent(found::add);
        }
        return found;
    }
}
