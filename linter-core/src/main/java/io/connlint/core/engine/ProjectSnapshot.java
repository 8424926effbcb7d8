package io.connlint.core.engine;

import io.connlint.core.read.FileAccess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A project as the file system describes it, without reading a byte: the name and type of every
 * entry under the root but the directories every walk of the project skips ({@code target},
 * names starting with {@code .}, …) and the excluded ones, the target of each symbolic link, and, for the files a check looked at, their
 * size, modification and change times, inode and mode. A {@link Coverage} watch on a check
 * records which files it looked at and whether it looked anywhere the snapshot does not describe.
 *
 * <p>If a check looked only inside the snapshot, it depends on nothing but the listings and the
 * files it looked at: while their description stays the same, so do the files it would look at
 * and the result. No file a check can read can be written, replaced, renamed, created, removed or
 * have its permissions changed without changing the description; files it did not look at
 * (sources, logs) may change freely. That lets a build repeat a check's outcome.
 *
 * <p>A snapshot is not {@link #usable() usable} when a link under the root leads outside it, into
 * a skipped directory, or nowhere, or when a directory cannot be listed: what lies there is not
 * described.
 */
public final class ProjectSnapshot {

    private static final String UNIX_ATTRIBUTES =
            "unix:isDirectory,isRegularFile,isSymbolicLink,mode,ino,dev,size,lastModifiedTime,ctime";
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /**
     * One entry: its path (relative to the root with {@code /}, or {@code + absolute} for a file
     * named outside it), its type ({@code d}, {@code f}, {@code l} for a link, {@code o} for
     * anything else, {@code -} when absent), its attributes and a link's target.
     */
    private record Entry(String path, char type, String attributes, String link, Instant modified) {
    }

    private final List<Entry> entries;
    private final Optional<String> unusable;

    private ProjectSnapshot(List<Entry> entries, Optional<String> unusable) {
        this.entries = entries;
        this.unusable = unusable;
    }

    /**
     * The snapshot of {@code root}, leaving out {@code excluded} directories (where a build
     * writes its reports) and adding {@code files} that the check is named (an explicit
     * connlint.yml, a baseline; always described in full).
     */
    public static ProjectSnapshot take(Path root, List<Path> excluded, List<Path> files) {
        return take(root, excluded, files, null);
    }

    /**
     * As {@link #take(Path, List, List)}, reading the attributes beyond an entry's type only for
     * the paths in {@code detailed} (null: all): a snapshot meant for {@link #bytes} of that
     * set, as a build checking a kept outcome takes it.
     */
    public static ProjectSnapshot take(Path root, List<Path> excluded, List<Path> files, Set<String> detailed) {
        Walk walk = new Walk(root.toAbsolutePath().normalize(), normalized(excluded), detailed);
        try {
            walk.realRoot = walk.root.toRealPath();
            walk.directory(walk.root, "");
            for (Path file : files) {
                Path abs = file.toAbsolutePath().normalize();
                Path real = abs;
                try {
                    real = abs.toRealPath();
                } catch (IOException e) {
                    // described as absent
                }
                walk.entry(real, "+ " + abs + " = " + real);
            }
        } catch (IOException | RuntimeException e) {
            walk.unusable = "cannot describe " + root + ": " + e;
        }
        return new ProjectSnapshot(walk.entries, Optional.ofNullable(walk.unusable));
    }

    /** Absolute, normalised paths (a loop: this runs on every build's path to a repeated outcome). */
    private static List<Path> normalized(List<Path> paths) {
        List<Path> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            out.add(p.toAbsolutePath().normalize());
        }
        return out;
    }

    /** Whether the snapshot describes everything under the root a check could reach. */
    public boolean usable() {
        return unusable.isEmpty();
    }

    /** Why the snapshot is not usable. */
    public Optional<String> unusable() {
        return unusable;
    }

    /**
     * The description to keep and compare: every entry's name and type, each link's target, and
     * the attributes of the entries in {@code detailed} (paths relative to the root, as
     * {@link Coverage#looked()} gives them) and of the named files.
     */
    public byte[] bytes(Collection<String> detailed) {
        StringBuilder out = new StringBuilder(entries.size() * 48);
        for (Entry e : entries) {
            out.append(e.path()).append('\t').append(e.type());
            if (e.link() != null) {
                out.append("\t-> ").append(e.link());
            }
            if (e.path().startsWith("+ ") || detailed.contains(e.path())) {
                out.append('\t').append(e.attributes());
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The latest modification time of the files in {@code detailed} and the named files: a file
     * written again within its time stamp's resolution (a second on some file systems) could
     * look unchanged, so a caller keeps no result while this is recent. (The change time is not
     * used: a fresh clone has every change time recent, and only an edit that also puts the
     * modification time back within that second could hide behind it.)
     */
    public Instant newest(Collection<String> detailed) {
        Instant newest = Instant.EPOCH;
        for (Entry e : entries) {
            if (e.modified() != null && e.modified().isAfter(newest)
                    && (e.path().startsWith("+ ") || detailed.contains(e.path()))) {
                newest = e.modified();
            }
        }
        return newest;
    }

    /**
     * A watch for {@link LintRequest#withWatch}: records the paths under {@code root} the check
     * looked at, and the first one a snapshot of {@code root} without {@code excluded} does not
     * describe (outside the root, in a skipped or excluded directory), except {@code files}
     * named to the snapshot.
     */
    public static Coverage coverage(Path root, List<Path> excluded, List<Path> files) {
        return new Coverage(root, excluded, files);
    }

    /** See {@link #coverage}. Safe for the check's threads. */
    public static final class Coverage implements Consumer<Path> {
        private final Path root;
        private final Path realRoot;
        private final List<Path> excluded;
        private final List<Path> files;
        private final Set<String> looked = ConcurrentHashMap.newKeySet();
        private final AtomicReference<Path> uncovered = new AtomicReference<>();

        private Coverage(Path root, List<Path> excluded, List<Path> files) {
            this.root = root.toAbsolutePath().normalize();
            Path real;
            try {
                real = this.root.toRealPath();
            } catch (IOException e) {
                real = this.root;
            }
            this.realRoot = real;
            this.excluded = normalized(excluded);
            this.files = normalized(files);
        }

        @Override
        public void accept(Path path) {
            Path abs = path.toAbsolutePath().normalize();
            if (!covered(abs)) {
                uncovered.compareAndSet(null, path);
            }
        }

        /** The first path the check looked at that the snapshot does not describe. */
        public Optional<Path> uncovered() {
            return Optional.ofNullable(uncovered.get());
        }

        /** The paths under the root the check looked at, relative to it with {@code /}. */
        public Set<String> looked() {
            return Set.copyOf(looked);
        }

        private boolean covered(Path abs) {
            if (files.contains(abs)) {
                return true;
            }
            Path base = abs.startsWith(root) ? root : abs.startsWith(realRoot) ? realRoot : null;
            if (base == null || excluded.stream().anyMatch(abs::startsWith)) {
                return false;
            }
            Path rel = base.relativize(abs);
            int names = rel.getNameCount();
            for (int i = 0; i < names - 1; i++) {
                if (FileAccess.isSkippedDirectory(rel.getName(i).toString())) {
                    return false;
                }
            }
            looked.add(rel.toString().replace('\\', '/'));
            // the last name is described in its directory's listing, but for a skipped or
            // excluded directory, which is left out whether it exists or not
            String last = rel.getFileName() == null ? "" : rel.getFileName().toString();
            return last.isEmpty() || !FileAccess.isSkippedDirectory(last)
                    || Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)
                    || Files.isSymbolicLink(abs);
        }
    }

    private static final class Walk {
        final Path root;
        final List<Path> excluded;
        final List<Entry> entries = new ArrayList<>();
        Path realRoot;
        String unusable;

        final Set<String> detailed;

        Walk(Path root, List<Path> excluded, Set<String> detailed) {
            this.root = root;
            this.excluded = excluded;
            this.detailed = detailed;
        }

        void directory(Path dir, String rel) throws IOException {
            List<Path> listed = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path entry : stream) {
                    listed.add(entry);
                }
            } catch (IOException e) {
                unusable = "cannot list " + dir + ": " + e;
                return;
            }
            listed.sort(null);
            for (Path entry : listed) {
                String name = entry.getFileName().toString();
                String path = rel.isEmpty() ? name : rel + "/" + name;
                char type = entry(entry, path);
                if (type == 'd' && (FileAccess.isSkippedDirectory(name) || excluded.contains(entry))) {
                    // left out: a look into it, or at it, is outside the snapshot (Coverage), so
                    // a build creating target/ or a tool writing .git/ changes nothing here
                    entries.remove(entries.size() - 1);
                } else if (type == 'd') {
                    directory(entry, path);
                }
            }
        }

        /** Describes one entry; its type. One {@code lstat} where the platform has the unix view. */
        char entry(Path p, String path) throws IOException {
            char type;
            StringBuilder attributes = new StringBuilder(64);
            FileTime modified;
            FileTime changed;
            long size;
            try {
                if (detailed != null && !path.startsWith("+ ") && !detailed.contains(path)) {
                    // only the type is described: one typed lstat
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    type = type(a.isDirectory(), a.isRegularFile(), a.isSymbolicLink());
                    String link = type == 'l' ? link(p) : null;
                    entries.add(new Entry(path, type, "", link, null));
                    return type;
                }
                if (UNIX) {
                    Map<String, Object> a = Files.readAttributes(p, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    type = type((Boolean) a.get("isDirectory"), (Boolean) a.get("isRegularFile"),
                            (Boolean) a.get("isSymbolicLink"));
                    attributes.append(a.get("mode")).append('\t').append(a.get("dev")).append(':').append(a.get("ino"));
                    modified = (FileTime) a.get("lastModifiedTime");
                    changed = (FileTime) a.get("ctime");
                    size = (Long) a.get("size");
                } else {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    type = type(a.isDirectory(), a.isRegularFile(), a.isSymbolicLink());
                    attributes.append(a.fileKey());
                    modified = a.lastModifiedTime();
                    changed = a.creationTime();
                    size = a.size();
                }
            } catch (NoSuchFileException e) {
                entries.add(new Entry(path, '-', "", null, null));
                return '-';
            }
            if (type != 'd') { // a directory's entries are described one by one
                attributes.append('\t').append(size);
                time(attributes, modified);
                time(attributes, changed);
            }
            String link = type == 'l' ? link(p) : null;
            entries.add(new Entry(path, type, attributes.toString(), link, type == 'd' ? null : modified.toInstant()));
            return type;
        }

        private static char type(boolean directory, boolean regular, boolean link) {
            return directory ? 'd' : regular ? 'f' : link ? 'l' : 'o';
        }

        /** A time stamp to the nanosecond, as seconds and nanoseconds since the epoch. */
        private static void time(StringBuilder out, FileTime t) {
            Instant i = t.toInstant();
            out.append('\t').append(i.getEpochSecond()).append('.').append(i.getNano());
        }

        /** A link's target; the snapshot is unusable when the target is not described by it. */
        private String link(Path link) throws IOException {
            String target = Files.readSymbolicLink(link).toString();
            Path real;
            try {
                real = link.toRealPath();
            } catch (IOException e) {
                unusable = unusable != null ? unusable : "the symbolic link " + link + " leads nowhere";
                return target;
            }
            if (!real.startsWith(realRoot) || excluded.stream().anyMatch(real::startsWith)
                    || inSkippedDirectory(realRoot.relativize(real), Files.isDirectory(real))) {
                unusable = unusable != null ? unusable : "the symbolic link " + link + " leads to " + real
                        + ", which is not described";
            }
            return target;
        }

        private static boolean inSkippedDirectory(Path rel, boolean isDirectory) {
            int names = rel.getNameCount();
            for (int i = 0; i < names; i++) {
                if ((i < names - 1 || isDirectory) && FileAccess.isSkippedDirectory(rel.getName(i).toString())) {
                    return true;
                }
            }
            return false;
        }
    }
}
