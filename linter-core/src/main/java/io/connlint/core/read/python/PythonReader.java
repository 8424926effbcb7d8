package io.connlint.core.read.python;

import io.connlint.core.read.FileAccess;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.python.PyValue.PyStr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a Python settings module (Django settings, gunicorn.conf.py) statically: the file is
 * tokenized, parsed and evaluated by abstract interpretation, never run. The modules it imports
 * from the project are read the same way. Total: any input gives a {@link PythonModule}, with what
 * could not be parsed as problems and what could not be known as notes and {@link PyValue.PyUnknown}s.
 */
public final class PythonReader {

    /** Imports followed at most this deep. */
    public static final int MAX_IMPORT_DEPTH = 10;
    /** Files read at most per top-level module. */
    public static final int MAX_FILES = 200;

    private PythonReader() {
    }

    /**
     * Reads {@code file} with the environment variables an app runs with.
     *
     * @param file  the settings module
     * @param env   the app's environment (connlint.yml {@code env}); variables not in it are unknown
     * @param paths the project, for display paths and the limits of import resolution
     */
    public static PythonModule read(Path file, Map<String, String> env, ProjectPaths paths) {
        return new Session(env, paths).readTop(file);
    }

    /** A module read: its namespace, where its names were assigned, and the environment after it. */
    record Module(String path, Map<String, PyValue> names, Map<String, SourceLocation> assignedAt, Map<String, PyValue> env) {
    }

    /**
     * Where an import points.
     *
     * @param file      the module's file, or null when not found
     * @param inProject whether the module belongs to the project (relative, or its top-level package is there)
     * @param expected  the project-relative path where it was looked for
     */
    record Resolved(Path file, boolean inProject, String expected) {
    }

    /** The state of one read: the modules read, their notes and problems, the limits. */
    static final class Session {
        final Budget budget = new Budget(Budget.DEFAULT_STEPS);
        private final Map<String, String> initialEnv;
        private final ProjectPaths paths;
        private final Path root;
        private Path realRoot;
        private final List<String> filesRead = new ArrayList<>();
        private final Set<Note> notes = new LinkedHashSet<>();
        private final Set<ReadProblem> problems = new LinkedHashSet<>();
        private final Map<Path, Module> cache = new HashMap<>();
        private final Deque<Path> stack = new ArrayDeque<>();
        private int filesOpened;
        private SourceLocation current;
        private Evaluator top;

        Session(Map<String, String> env, ProjectPaths paths) {
            this.initialEnv = env == null ? Map.of() : env;
            this.paths = paths;
            this.root = paths.root();
        }

        PythonModule readTop(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            String display = paths.display(abs);
            Map<String, PyValue> env = new LinkedHashMap<>();
            SourceLocation envAt = SourceLocation.startOf(display);
            initialEnv.forEach((k, v) -> {
                if (k != null && v != null) {
                    env.put(k, new PyStr(v, envAt));
                }
            });
            Budget previous = budget.activate();
            try {
                load(abs, env, 0);
            } catch (Budget.Exceeded e) {
                problems.add(ReadProblem.unreadable(current == null ? envAt : current, "evaluation stopped here: reading"
                        + " the settings statically took more than " + budget.limit() + " steps; the statements after"
                        + " this one are not read"));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(ReadProblem.unreadable(current == null ? envAt : current, "connlint could not finish reading"
                        + " this file (internal error: " + e.getClass().getSimpleName() + "); the statements after this"
                        + " one are not read"));
            } finally {
                Budget.restore(previous);
            }
            Map<String, PyValue> names = top == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(top.frame.names));
            Map<String, SourceLocation> assignedAt = top == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(top.frame.assignedAt));
            return new PythonModule(display, names, assignedAt, List.copyOf(filesRead), List.copyOf(notes),
                    List.copyOf(problems));
        }

        void note(SourceLocation at, String text) {
            notes.add(new Note(at, text));
        }

        void step(SourceLocation at) {
            current = at;
            budget.spend(1);
        }

        private Module load(Path file, Map<String, PyValue> env, int depth) {
            String display = paths.display(file);
            filesOpened++;
            TextFile text;
            try {
                text = TextFile.read(file, display);
            } catch (TextFile.Unreadable e) {
                problems.add(e.problem());
                return null;
            }
            filesRead.add(display);
            Parser.Result parsed = Parser.parse(text.text(), display);
            problems.addAll(parsed.problems());
            Evaluator evaluator = new Evaluator(this, file, display, text.text(), env);
            if (depth == 0) {
                top = evaluator;
            }
            stack.push(file);
            try {
                evaluator.run(parsed.statements());
            } finally {
                stack.pop();
            }
            return new Module(display, evaluator.frame.names, evaluator.frame.assignedAt, evaluator.frame.env);
        }

        /** Reads (once) a module of the project that {@code importer} imports; null when it cannot. */
        Module importModule(Path file, Evaluator importer, SourceLocation at) {
            Path key = file.toAbsolutePath().normalize();
            if (cache.containsKey(key)) {
                return cache.get(key);
            }
            String display = paths.display(key);
            if (stack.contains(key)) {
                List<Path> cycle = new ArrayList<>(stack);
                Collections.reverse(cycle);
                problems.add(ReadProblem.unreadable(at, "import cycle: " + cycle.stream().map(paths::display)
                        .collect(Collectors.joining(" → ")) + " → " + display + "; the import is not followed"));
                return null;
            }
            if (stack.size() > MAX_IMPORT_DEPTH) {
                problems.add(ReadProblem.unreadable(at, "imports nested more than " + MAX_IMPORT_DEPTH + " modules deep; "
                        + display + " is not read"));
                return null;
            }
            if (filesOpened >= MAX_FILES) {
                problems.add(ReadProblem.unreadable(at, "more than " + MAX_FILES + " files imported; " + display
                        + " is not read"));
                return null;
            }
            Module m = load(key, importer.frame.env, stack.size());
            if (m != null) {
                importer.frame.env = m.env();
            }
            cache.put(key, m);
            return m;
        }

        // ---- resolution ----

        private boolean inRoot(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(root)) {
                return false;
            }
            try {
                if (realRoot == null) {
                    realRoot = TextFile.realPath(root);
                }
                return TextFile.realPath(abs).startsWith(realRoot);
            } catch (IOException | SecurityException e) {
                return false;
            }
        }

        private Path moduleFile(Path base, String dotted) {
            Path candidate = base.resolve(dotted.replace('.', '/'));
            Path py = candidate.resolveSibling(candidate.getFileName() + ".py");
            if (FileAccess.isRegularFile(py) && inRoot(py)) {
                return py;
            }
            Path init = candidate.resolve("__init__.py");
            if (FileAccess.isRegularFile(init) && inRoot(init)) {
                return init;
            }
            return null;
        }

        private static boolean validDotted(String dotted) {
            if (dotted == null || dotted.isEmpty()) {
                return false;
            }
            for (String part : dotted.split("\\.", -1)) {
                if (part.isEmpty() || part.equals("..") || part.contains("/") || part.contains("\\")) {
                    return false;
                }
            }
            return true;
        }

        Resolved resolveRelative(Path from, int level, String module) {
            Path base = from.toAbsolutePath().normalize().getParent();
            for (int i = 1; i < level && base != null; i++) {
                base = base.getParent();
            }
            if (base == null || !validDotted(module) || !base.startsWith(root)) {
                return new Resolved(null, true, ".".repeat(level) + module + " (outside the project)");
            }
            Path expected = base.resolve(module.replace('.', '/') + ".py");
            return new Resolved(moduleFile(base, module), true, paths.display(expected));
        }

        Resolved resolveAbsolute(Path from, String dotted) {
            if (!validDotted(dotted)) {
                return new Resolved(null, false, String.valueOf(dotted));
            }
            String top = dotted.split("\\.")[0];
            Path topDir = null;
            for (Path dir = from.toAbsolutePath().normalize().getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
                Path found = moduleFile(dir, dotted);
                if (found != null) {
                    return new Resolved(found, true, paths.display(found));
                }
                if (topDir == null && (FileAccess.isDirectory(dir.resolve(top)) || FileAccess.isRegularFile(dir.resolve(top + ".py")))
                        && inRoot(dir.resolve(top))) {
                    topDir = dir;
                }
            }
            if (topDir != null) {
                return new Resolved(null, true, paths.display(topDir.resolve(dotted.replace('.', '/') + ".py")));
            }
            return new Resolved(null, false, dotted);
        }

        /** {@code from .pkg import sub} where pkg is a package: pkg/sub.py or pkg/sub/__init__.py. */
        Resolved resolveRelativeIn(Path moduleFile, String name) {
            if (!moduleFile.getFileName().toString().equals("__init__.py") || !validDotted(name)) {
                return null;
            }
            Path found = moduleFile(moduleFile.getParent(), name);
            return found == null ? null : new Resolved(found, true, paths.display(found));
        }

        /** The package {@code from . import x} names: its __init__.py, or null. */
        Resolved resolvePackageInit(Path from, int level) {
            Path base = from.toAbsolutePath().normalize().getParent();
            for (int i = 1; i < level && base != null; i++) {
                base = base.getParent();
            }
            if (base == null) {
                return null;
            }
            Path init = base.resolve("__init__.py");
            if (init.equals(from.toAbsolutePath().normalize()) || !FileAccess.isRegularFile(init) || !inRoot(init)) {
                return null;
            }
            return new Resolved(init, true, paths.display(init));
        }
    }
}
