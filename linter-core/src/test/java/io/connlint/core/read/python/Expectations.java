package io.connlint.core.read.python;

import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.python.PyValue.PyBool;
import io.connlint.core.read.python.PyValue.PyChoice;
import io.connlint.core.read.python.PyValue.PyDict;
import io.connlint.core.read.python.PyValue.PyFloat;
import io.connlint.core.read.python.PyValue.PyInt;
import io.connlint.core.read.python.PyValue.PyList;
import io.connlint.core.read.python.PyValue.PyNone;
import io.connlint.core.read.python.PyValue.PyObject;
import io.connlint.core.read.python.PyValue.PyStr;
import io.connlint.core.read.python.PyValue.PyUnknown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inputs that carry their expectations, checked against what {@link PythonReader} reads. In a
 * {@code .py} file:
 * <ul>
 *   <li>{@code # env: NAME=value} — the app's environment for the read;</li>
 *   <li>{@code # expect: DATABASES.default.CONN_MAX_AGE = 60} — the value at a path (names, then
 *       dict keys or module attributes, separated by dots) rendered as {@link #render}; an optional
 *       {@code @ line:col} (or {@code @ path:line:col}) checks where the value stands; {@code …}
 *       matches any text;</li>
 *   <li>{@code # expect-assigned: NAME line:col} — where a name was last assigned;</li>
 *   <li>{@code # expect-problem: col text} and {@code # expect-note: text} — a problem at that
 *       column, or a note, on the next line that is not such a comment, whose message contains the
 *       text. Every problem and every note of every file read must be expected, and every expected
 *       one must occur.</li>
 * </ul>
 */
final class Expectations {

    private static final Pattern EXPECT = Pattern.compile("^\\s*# expect: (\\S+) = (.*?)(?: @ (\\S+))?\\s*$");
    private static final Pattern ASSIGNED = Pattern.compile("^\\s*# expect-assigned: (\\S+) (\\d+):(\\d+)\\s*$");
    private static final Pattern PROBLEM = Pattern.compile("^\\s*# expect-problem: (\\d+) (.*?)\\s*$");
    private static final Pattern NOTE = Pattern.compile("^\\s*# expect-note: (.*?)\\s*$");
    private static final Pattern ENV = Pattern.compile("^\\s*# env: ([^=]+)=(.*)$");

    private Expectations() {
    }

    /** Whether a file is an entry to check (it has value expectations or {@code # entry}). */
    static boolean isEntry(Path file) {
        return lines(file).stream().anyMatch(l -> EXPECT.matcher(l).matches() || l.strip().equals("# entry"));
    }

    static Map<String, String> env(Path file) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String l : lines(file)) {
            Matcher m = ENV.matcher(l);
            if (m.matches()) {
                env.put(m.group(1).strip(), m.group(2));
            }
        }
        return env;
    }

    /** Reads {@code entry} within the project {@code root} and checks every expectation. */
    static PythonModule check(Path entry, Path root) {
        PythonModule module = PythonReader.read(entry, env(entry), new ProjectPaths(root, Map.of()));
        List<String> failures = failures(module, entry, root);
        if (!failures.isEmpty()) {
            throw new AssertionError(entry.getFileName() + ":\n  " + String.join("\n  ", failures));
        }
        return module;
    }

    static List<String> failures(PythonModule module, Path entry, Path root) {
        List<String> failures = new ArrayList<>();
        List<String> entryLines = lines(entry);
        for (int i = 0; i < entryLines.size(); i++) {
            Matcher m = EXPECT.matcher(entryLines.get(i));
            if (m.matches()) {
                Target t = navigate(module, m.group(1));
                if (!matches(m.group(2), t.rendered())) {
                    failures.add("line " + (i + 1) + ": " + m.group(1) + " is " + t.rendered() + ", expected " + m.group(2));
                } else if (m.group(3) != null) {
                    SourceLocation at = t.value() == null ? null : t.value().at();
                    String actual = at == null ? "nowhere" : m.group(3).chars().filter(c -> c == ':').count() == 2
                            ? at.toString() : at.line() + ":" + at.column();
                    if (!actual.equals(m.group(3))) {
                        failures.add("line " + (i + 1) + ": " + m.group(1) + " stands at " + actual + ", expected " + m.group(3));
                    }
                }
            }
            Matcher a = ASSIGNED.matcher(entryLines.get(i));
            if (a.matches()) {
                SourceLocation at = module.assignedAt().get(a.group(1));
                String actual = at == null ? "nowhere" : at.line() + ":" + at.column();
                if (!actual.equals(a.group(2) + ":" + a.group(3))) {
                    failures.add("line " + (i + 1) + ": " + a.group(1) + " was assigned at " + actual + ", expected "
                            + a.group(2) + ":" + a.group(3));
                }
            }
        }
        List<Expected> problems = new ArrayList<>();
        List<Expected> notes = new ArrayList<>();
        for (String read : module.filesRead()) {
            List<String> fileLines = lines(root.resolve(read));
            for (int i = 0; i < fileLines.size(); i++) {
                Matcher p = PROBLEM.matcher(fileLines.get(i));
                Matcher n = NOTE.matcher(fileLines.get(i));
                if (p.matches()) {
                    problems.add(new Expected(read, nextCodeLine(fileLines, i), Integer.parseInt(p.group(1)), p.group(2)));
                } else if (n.matches()) {
                    notes.add(new Expected(read, nextCodeLine(fileLines, i), 0, n.group(1)));
                }
            }
        }
        for (ReadProblem problem : module.problems()) {
            Expected match = problems.stream().filter(e -> !e.used && e.path.equals(problem.at().path())
                    && e.line == problem.at().line() && e.column == problem.at().column()
                    && problem.message().contains(e.text)).findFirst().orElse(null);
            if (match == null) {
                failures.add("unexpected problem " + problem.at() + ": " + problem.message());
            } else {
                match.used = true;
            }
        }
        for (Note note : module.notes()) {
            Expected match = notes.stream().filter(e -> !e.used && e.path.equals(note.at().path())
                    && e.line == note.at().line() && note.text().contains(e.text)).findFirst().orElse(null);
            if (match == null) {
                failures.add("unexpected note " + note.at() + ": " + note.text());
            } else {
                match.used = true;
            }
        }
        problems.stream().filter(e -> !e.used).forEach(e -> failures.add("missing problem " + e.path + ":" + e.line
                + ":" + e.column + " containing '" + e.text + "'"));
        notes.stream().filter(e -> !e.used).forEach(e -> failures.add("missing note " + e.path + ":" + e.line
                + " containing '" + e.text + "'"));
        return failures;
    }

    private static final class Expected {
        final String path;
        final int line;
        final int column;
        final String text;
        boolean used;

        Expected(String path, int line, int column, String text) {
            this.path = path;
            this.line = line;
            this.column = column;
            this.text = text;
        }
    }

    /** 1-based number of the first line after {@code index} that is not an expectation comment. */
    private static int nextCodeLine(List<String> lines, int index) {
        int i = index + 1;
        while (i < lines.size() && (PROBLEM.matcher(lines.get(i)).matches() || NOTE.matcher(lines.get(i)).matches())) {
            i++;
        }
        return i + 1;
    }

    static boolean matches(String expected, String actual) {
        StringBuilder regex = new StringBuilder();
        for (String part : expected.split("…", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    record Target(PyValue value, String rendered) {
    }

    /** The value at a dotted path, rendered; through alternatives, each alternative. */
    static Target navigate(PythonModule module, String path) {
        String[] parts = path.split("\\.");
        PyValue root = module.namespace().get(parts[0]);
        if (root == null) {
            return new Target(null, "<absent>");
        }
        return navigate(root, parts, 1);
    }

    private static Target navigate(PyValue v, String[] parts, int i) {
        if (i == parts.length) {
            return new Target(v, render(v));
        }
        if (v instanceof PyChoice c) {
            Target t = navigate(c.whenTrue(), parts, i);
            Target e = navigate(c.whenFalse(), parts, i);
            return new Target(c, "choice(" + c.condition() + ", " + t.rendered() + ", " + e.rendered() + ")");
        }
        if (v instanceof PyUnknown) {
            return new Target(v, render(v));
        }
        PyValue next = null;
        if (v instanceof PyDict d) {
            next = d.entries().get(parts[i]);
        } else if (v instanceof PyObject o) {
            next = o.attributes().get(parts[i]);
        } else {
            return new Target(v, "<not a dict: " + render(v) + ">");
        }
        return next == null ? new Target(null, "<absent>") : navigate(next, parts, i + 1);
    }

    /** Python's repr for known values; {@code unknown(reason)}, {@code choice(cond, a, b)}, {@code <kind>}. */
    static String render(PyValue v) {
        if (v instanceof PyNone) {
            return "None";
        } else if (v instanceof PyBool b) {
            return b.value() ? "True" : "False";
        } else if (v instanceof PyInt i) {
            return Long.toString(i.value());
        } else if (v instanceof PyFloat f) {
            return Values.floatRepr(f.value());
        } else if (v instanceof PyStr s) {
            return Values.strRepr(s.value());
        } else if (v instanceof PyDict d) {
            List<String> entries = new ArrayList<>();
            d.entries().forEach((k, x) -> entries.add(Values.strRepr(k) + ": " + render(x)));
            return "{" + String.join(", ", entries) + "}";
        } else if (v instanceof PyList l) {
            List<String> items = l.items().stream().map(Expectations::render).toList();
            return l.tuple() ? "(" + String.join(", ", items) + (items.size() == 1 ? ",)" : ")")
                    : "[" + String.join(", ", items) + "]";
        } else if (v instanceof PyUnknown u) {
            return "unknown(" + u.reason() + ")";
        } else if (v instanceof PyChoice c) {
            return "choice(" + c.condition() + ", " + render(c.whenTrue()) + ", " + render(c.whenFalse()) + ")";
        } else if (v instanceof PyObject o) {
            return "<" + o.kind() + ">";
        }
        return String.valueOf(v);
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
