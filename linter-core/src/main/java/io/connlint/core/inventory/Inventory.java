package io.connlint.core.inventory;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.mycnf.ProjectPaths;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first stage: one walk of the project that sorts every file it takes ({@link Selection}) by
 * the first registered {@link FileKind} that recognises it. Links are not followed into folders;
 * a linked file is listed unless it leads to a file listed anyway (the read refuses targets
 * outside the root and says so).
 *
 * @param files    the files of each kind, sorted
 * @param problems folders and files the walk could not read
 */
public record Inventory(Map<FileKind, List<Path>> files, List<ReadProblem> problems) {

    public Inventory {
        Map<FileKind, List<Path>> copy = new LinkedHashMap<>();
        files.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
        files = java.util.Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** The files of one kind, sorted. */
    public List<Path> of(FileKind kind) {
        return files.getOrDefault(kind, List.of());
    }

    /** Walks {@code paths.root()} for the files of {@code kinds} that {@code selection} takes. */
    public static Inventory walk(ProjectPaths paths, List<FileKind> kinds, Selection selection) {
        Walk walk = new Walk(paths, kinds, selection);
        walk.run();
        Map<FileKind, List<Path>> sorted = new LinkedHashMap<>();
        for (FileKind kind : kinds) {
            List<Path> list = new ArrayList<>(walk.found.getOrDefault(kind, List.of()));
            list.sort(null);
            sorted.put(kind, list);
        }
        return new Inventory(sorted, walk.problems);
    }

    private static final class Walk {
        private final ProjectPaths paths;
        private final List<FileKind> kinds;
        private final Selection selection;
        private final Path root;
        private final Map<FileKind, List<Path>> found = new LinkedHashMap<>();
        private final List<ReadProblem> problems = new ArrayList<>();
        private final List<Path> links = new ArrayList<>();
        private final Set<Path> regular = new HashSet<>();

        Walk(ProjectPaths paths, List<FileKind> kinds, Selection selection) {
            this.paths = paths;
            this.kinds = kinds;
            this.selection = selection;
            this.root = paths.root();
        }

        void run() {
            Path absoluteRoot = root.toAbsolutePath().normalize();
            Path realRoot;
            try {
                realRoot = FileAccess.realPath(root);
            } catch (IOException e) {
                realRoot = absoluteRoot;
            }
            Path real = realRoot;
            try {
                FileAccess.walk(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (Thread.currentThread().isInterrupted()) {
                            return FileVisitResult.TERMINATE; // cancelled: nothing needs the rest
                        }
                        if (dir.equals(root) || selection.entersFolder(relative(dir))) {
                            return FileVisitResult.CONTINUE;
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isSymbolicLink()) {
                            links.add(file); // folders behind links are never walked: no loops, no leaving the root
                        } else if (attrs.isRegularFile()) {
                            regular.add(real.resolve(absoluteRoot.relativize(file.toAbsolutePath().normalize())));
                            classify(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(ReadProblem.unreadable(SourceLocation.startOf(paths.display(file)),
                                (e instanceof AccessDeniedException ? "permission denied"
                                        : "cannot read: " + e.getClass().getSimpleName())
                                        + "; connlint cannot check what is there"));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            problems.add(ReadProblem.unreadable(SourceLocation.startOf(paths.display(dir)),
                                    "cannot list this directory (" + e.getClass().getSimpleName()
                                            + "); files under it are not checked"));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | RuntimeException e) {
                problems.add(ReadProblem.unreadable(SourceLocation.startOf("."), "cannot walk the project: "
                        + e.getMessage()));
            }
            for (Path link : links) {
                Path target;
                try {
                    target = FileAccess.realPath(link);
                } catch (IOException | RuntimeException e) {
                    target = null;
                }
                if (target != null && (regular.contains(target) || FileAccess.isDirectory(target))) {
                    continue;
                }
                classify(link);
            }
        }

        private String relative(Path path) {
            return root.relativize(path).toString().replace('\\', '/');
        }

        private void classify(Path file) {
            if (!selection.takes(relative(file))) {
                return;
            }
            String name = file.getFileName().toString();
            Path parent = file.getParent();
            String folder = parent == null || parent.getFileName() == null || parent.equals(root) ? ""
                    : parent.getFileName().toString();
            for (FileKind kind : kinds) {
                if (kind.recognises(name, folder)) {
                    found.computeIfAbsent(kind, k -> new ArrayList<>()).add(file);
                    return;
                }
            }
        }
    }
}
