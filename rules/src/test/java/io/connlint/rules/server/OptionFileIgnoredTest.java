package io.connlint.rules.server;

import io.connlint.core.testing.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OptionFileIgnoredTest {

    @TempDir
    Path dir;

    @Test
    void missingIncludeNonCnfNameIncludedFileWithoutGroup() {
        RuleTester.assertFindings(RuleTester.project(OptionFileIgnoredTest.class, "ignored"), new OptionFileIgnored());
    }

    /** git keeps no write bit for others, so the world-writable file is made here. */
    @Test
    void worldWritableFile() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "skipped: no POSIX permissions");
        Files.writeString(dir.resolve("connlint.yml"), "servers:\n  main:\n    engine: mariadb-10.11\n"
                + "    optionFiles: [my.cnf]\n");
        Files.writeString(dir.resolve("my.cnf"), "[mysqld]\nmax_connections = 500\n!include open.cnf\n");
        Path open = dir.resolve("open.cnf");
        Files.writeString(open, "# expect@file: CL507 warning \"because it is world-writable\" \"chmod o-w open.cnf\"\n"
                + "[mysqld]\nmax_connections = 900\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
        RuleTester.assertFindings(dir, new OptionFileIgnored());
    }
}
