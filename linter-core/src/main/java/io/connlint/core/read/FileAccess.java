package io.connlint.core.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every look a check takes at the file system besides reading a file ({@link TextFile#readBytes}):
 * probes, listings and walks. Each names its path to the run's {@link TextFile.Memo#watch watch}
 * first, so a caller that keeps a check's result for later can tell whether the check looked
 * anywhere its record of the project does not cover. Readers use these, never {@link Files}
 * directly ({@code FileAccessTest} holds them to it).
 */
public final class FileAccess {

    /**
     * Directories no walk of the project enters (build output, dependencies, and any name
     * starting with {@code .}): discovery and the search for systemd units skip them alike.
     */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", "build", "out");

    private FileAccess() {
    }

    /** Whether a walk of the project skips a directory of this name. */
    public static boolean isSkippedDirectory(String name) {
        return name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name);
    }

    public static boolean isRegularFile(Path path) {
        TextFile.touched(path);
        return Files.isRegularFile(path);
    }

    public static boolean isDirectory(Path path) {
        TextFile.touched(path);
        return Files.isDirectory(path);
    }

    public static boolean exists(Path path, LinkOption... options) {
        TextFile.touched(path);
        return Files.exists(path, options);
    }

    public static boolean isSymbolicLink(Path path) {
        TextFile.touched(path);
        return Files.isSymbolicLink(path);
    }

    public static long size(Path path) throws IOException {
        TextFile.touched(path);
        return Files.size(path);
    }

    public static Path realPath(Path path) throws IOException {
        TextFile.touched(path);
        Path real = path.toRealPath();
        TextFile.touched(real);
        return real;
    }

    public static Set<PosixFilePermission> posixPermissions(Path path) throws IOException {
        TextFile.touched(path);
        return Files.getPosixFilePermissions(path);
    }

    /** The entries of a directory, in the order the file system gives them. */
    public static List<Path> list(Path dir) throws IOException {
        TextFile.touched(dir);
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        return entries;
    }

    /**
     * A walk from {@code root} that does not follow symbolic links and never enters the
     * directories {@link #isSkippedDirectory} names (under {@code root}): what a record of the
     * project leaves out. Only {@code root} is named to the watch.
     */
    public static void walk(Path root, FileVisitor<Path> visitor) throws IOException {
        TextFile.touched(root);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path name = dir.getFileName();
                if (!dir.equals(root) && name != null && isSkippedDirectory(name.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return visitor.preVisitDirectory(dir, attrs);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                return visitor.visitFile(file, attrs);
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                return visitor.visitFileFailed(file, e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                return visitor.postVisitDirectory(dir, e);
            }
        });
    }
}
