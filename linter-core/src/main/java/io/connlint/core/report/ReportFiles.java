package io.connlint.core.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes report files whole or not at all: into a temporary file beside the target, then moved
 * over it, so a run that fails half-way (an exception, a full disk) never leaves a truncated
 * report for CI to upload, and a reader never sees one being written.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** What goes into the file. */
    public interface Body {
        void write(Appendable out) throws IOException;
    }

    /** What goes into a file, as bytes. */
    public interface Output {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code file} (creating its directory) from {@code body}, atomically where the file system can. */
    public static void write(Path file, Body body) throws IOException {
        writeBytes(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    /** Writes {@code bytes} to {@code file} as {@link #write(Path, Body)} does. */
    public static void write(Path file, byte[] bytes) throws IOException {
        writeBytes(file, out -> out.write(bytes));
    }

    /** Writes {@code file} (creating its directory) from {@code output}, atomically where the file system can. */
    public static void writeBytes(Path file, Output output) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            readableByAll(temp);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                output.write(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Opens a file connlint wrote, such as a baseline, to read it back as UTF-8. The user names
     * such a file, and the Maven goal's snapshot describes it by that name, so it is read
     * directly, not through the check's watch.
     */
    public static Reader reader(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /**
     * A temporary file is created readable by its owner alone; a report is read by others too (a CI
     * step uploading it, a web server serving the site), so it gets the usual rw-r--r--.
     */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
