package io.connlint.core.read.mycnf;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the paths option files name to files of the project: absolute server paths through
 * {@code pathMap} (longest prefix first), relative ones against the top-level file's directory.
 */
public final class ProjectPaths {

    private final Path root;
    private final Map<String, Path> pathMap;

    public ProjectPaths(Path root, Map<String, String> pathMap) {
        this.root = root.toAbsolutePath().normalize();
        Map<String, Path> sorted = new LinkedHashMap<>();
        pathMap.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> sorted.put(stripSlash(e.getKey()), this.root.resolve(e.getValue()).normalize()));
        this.pathMap = sorted;
    }

    public Path root() {
        return root;
    }

    /** The project-relative display path of a file, with {@code /}. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * Where an include argument lives in the project. Empty when it is an absolute path no
     * {@code pathMap} entry covers, a {@code ~} path (mysys expands it to the home directory of
     * the user running mysqld), or a relative path that leads out of the project.
     */
    public Optional<Path> resolve(String argument, Path topLevelDirectory) {
        boolean home = argument.startsWith("~");
        if (argument.startsWith("/") || home) {
            String arg = stripSlash(argument);
            for (Map.Entry<String, Path> e : pathMap.entrySet()) {
                String prefix = e.getKey();
                if (arg.equals(prefix)) {
                    return Optional.of(e.getValue());
                }
                if (arg.startsWith(prefix + "/") || (prefix.isEmpty() && !home)) {
                    String rest = arg.substring(prefix.length()).replaceFirst("^/+", "");
                    return Optional.of(e.getValue().resolve(rest).normalize());
                }
            }
            return Optional.empty();
        }
        Path resolved = topLevelDirectory.toAbsolutePath().resolve(argument).normalize();
        return resolved.startsWith(root) ? Optional.of(resolved) : Optional.empty();
    }

    private static String stripSlash(String p) {
        String s = p;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals("/") ? "" : s;
    }
}
