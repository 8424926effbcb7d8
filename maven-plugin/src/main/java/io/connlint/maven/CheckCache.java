package io.connlint.maven;

import io.connlint.core.engine.ProjectSnapshot;
import io.connlint.core.report.ReportFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The last check's outcome, kept beside its reports: what it logged and printed, the reports it
 * wrote and whether it failed the build, under a key (the goal's parameters and the code that
 * checked), the files the check looked at and a {@link ProjectSnapshot} description of the
 * project detailed for them. A later build whose key and description are the same repeats the
 * outcome instead of checking again.
 */
final class CheckCache {

    /** The cache file's name in the goal's output directory. */
    static final String FILE_NAME = "check.cache";

    private static final String FORMAT = "connlint check cache 2";

    /** A line of the log: its level ({@code E}, {@code W} or {@code I}) and text. */
    record Logged(char level, String text) {
    }

    /** A report: its file's name in the output directory and its bytes. */
    record Report(String fileName, byte[] bytes) {
    }

    /**
     * What a check did, in order: its log, the annotations printed on standard output, the
     * reports written, and the failure it ended with (empty: the build goes on).
     */
    record Outcome(List<Logged> log, List<String> annotations, List<Report> reports, Optional<String> failure) {
    }

    private CheckCache() {
    }

    /**
     * The outcome kept in {@code file} for {@code key}, if the project's description, detailed
     * for the files the kept check looked at ({@code snapshot} takes it for them), is still the
     * one kept; empty when anything differs or the file is unreadable.
     */
    static Optional<Outcome> read(Path file, String key, Function<Set<String>, ProjectSnapshot> snapshot) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!FORMAT.equals(string(in)) || !key.equals(string(in))) {
                return Optional.empty();
            }
            Set<String> looked = new HashSet<>();
            for (int n = in.readInt(); n > 0; n--) {
                looked.add(string(in));
            }
            ProjectSnapshot now = snapshot.apply(looked);
            if (!now.usable() || !Arrays.equals(now.bytes(looked), bytes(in))) {
                return Optional.empty();
            }
            List<Logged> log = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                log.add(new Logged(in.readChar(), string(in)));
            }
            List<String> annotations = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                annotations.add(string(in));
            }
            List<Report> reports = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                reports.add(new Report(string(in), bytes(in)));
            }
            Optional<String> failure = in.readBoolean() ? Optional.of(string(in)) : Optional.empty();
            return Optional.of(new Outcome(log, annotations, reports, failure));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or of another version: the check runs
        }
    }

    /** Keeps {@code outcome} in {@code file} with the files the check looked at and their description, whole or not at all. */
    static void write(Path file, String key, Set<String> looked, byte[] description, Outcome outcome) throws IOException {
        ReportFiles.writeBytes(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            string(out, FORMAT);
            string(out, key);
            out.writeInt(looked.size());
            for (String path : looked) {
                string(out, path);
            }
            bytes(out, description);
            out.writeInt(outcome.log().size());
            for (Logged line : outcome.log()) {
                out.writeChar(line.level());
                string(out, line.text());
            }
            out.writeInt(outcome.annotations().size());
            for (String line : outcome.annotations()) {
                string(out, line);
            }
            out.writeInt(outcome.reports().size());
            for (Report report : outcome.reports()) {
                string(out, report.fileName());
                bytes(out, report.bytes());
            }
            out.writeBoolean(outcome.failure().isPresent());
            if (outcome.failure().isPresent()) {
                string(out, outcome.failure().get());
            }
            out.flush();
        });
    }

    /**
     * The code that checks, as the file system describes it: each jar of the plugin's class realm
     * (a directory of classes counts every class file), so a rebuilt snapshot version never
     * repeats an older build's outcome.
     */
    static String codeIdentity(Class<?>... classes) {
        List<Path> locations = new ArrayList<>();
        ClassLoader loader = classes.length == 0 ? null : classes[0].getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                path(url).ifPresent(locations::add);
            }
        }
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                path(source.getLocation()).filter(p -> !locations.contains(p)).ifPresent(locations::add);
            }
        }
        StringBuilder identity = new StringBuilder();
        for (Path location : locations) {
            identity.append(location).append('=').append(describe(location)).append(';');
        }
        return identity.toString();
    }

    private static Optional<Path> path(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Optional.of(Path.of(url.toURI())) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(Path location) {
        try {
            if (Files.isDirectory(location)) {
                long count = 0;
                long bytes = 0;
                long newest = 0;
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        if (a.isRegularFile()) {
                            count++;
                            bytes += a.size();
                            newest = Math.max(newest, a.lastModifiedTime().toMillis());
                        }
                    }
                }
                return "dir:" + count + ":" + bytes + ":" + newest;
            }
            BasicFileAttributes a = Files.readAttributes(location, BasicFileAttributes.class);
            return a.size() + ":" + a.lastModifiedTime().toInstant();
        } catch (IOException | RuntimeException e) {
            return "unreadable:" + System.nanoTime(); // never the same twice: no outcome is repeated
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 30) {
            throw new IOException("damaged cache");
        }
        return in.readNBytes(n);
    }
}
