package io.connlint.core.read.systemd;

import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.ProjectPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The open-files limit a MySQL/MariaDB systemd service starts the server under: {@code LimitNOFILE=}
 * in the {@code [Service]} section of the unit ({@code mysql.service}, {@code mysqld.service},
 * {@code mariadb.service}, {@code mariadb@.service} …) and of its drop-ins
 * ({@code mysql.service.d/*.conf}), found anywhere in the project.
 *
 * <p>systemd facts (systemd.exec(5) and systemd.unit(5) of systemd 252): a single value sets the
 * soft and the hard limit, {@code soft:hard} sets them one by one, {@code infinity} means no limit;
 * drop-in {@code .conf} files are parsed after the unit, in alphanumeric order, so the last
 * assignment wins; an empty assignment resets the setting to the manager's default; a value
 * systemd cannot parse is ignored with a log line ("Failed to parse resource value, ignoring").
 * Lines starting with {@code #} or {@code ;} are comments, a line ending in a backslash goes on
 * on the next line.
 */
public final class SystemdLimits {

    /** Names of units that start a MySQL or MariaDB server. */
    private static final Pattern UNIT = Pattern.compile("(mysql|mysqld|mariadb|mariadbd|percona|mysql-server)(@[^.]*)?"
            + "\\.service", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("(\\d{1,18}|infinity)(?::(\\d{1,18}|infinity))?");

    /** {@code soft} is infinite when {@link #INFINITY}. */
    public static final long INFINITY = Long.MAX_VALUE;

    /**
     * The limit one unit gives.
     *
     * @param unit  the unit file (or the first drop-in when the unit itself is not in the project)
     * @param soft  the soft limit as a setting at its {@code LimitNOFILE=} line; {@link #INFINITY} for infinity
     * @param hard  the hard limit; {@link #INFINITY} for infinity
     */
    public record Limit(String unit, Setting<Long> soft, long hard) {
    }

    /** What reading the project's units gave. */
    public record Result(List<Limit> limits, List<Note> notes, List<ReadProblem> problems) {
    }

    private SystemdLimits() {
    }

    /** The server units and drop-ins of the project, by unit name (found by the inventory's walk). */
    public record Units(Map<String, List<Path>> byUnit, List<ReadProblem> problems) {
    }

    /** The server units and drop-ins among {@code files} (the inventory's), grouped by unit. */
    public static Units units(List<Path> files) {
        Map<String, List<Path>> byUnit = new LinkedHashMap<>();
        for (Path file : files) {
            Path parent = file.getParent();
            String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
            unitOf(file.getFileName().toString(), folder).ifPresent(unit -> byUnit.computeIfAbsent(unit,
                    k -> new ArrayList<>()).add(file));
        }
        return new Units(byUnit, List.of());
    }

    /**
     * The unit a file belongs to: its own name for {@code mysql.service}, {@code mariadb@.service} …,
     * the name of its {@code .d} folder for a drop-in ({@code mysql.service.d/*.conf}).
     */
    public static Optional<String> unitOf(String name, String folder) {
        if (UNIT.matcher(name).matches()) {
            return Optional.of(name);
        }
        if (name.endsWith(".conf") && folder.endsWith(".d")
                && UNIT.matcher(folder.substring(0, folder.length() - 2)).matches()) {
            return Optional.of(folder.substring(0, folder.length() - 2));
        }
        return Optional.empty();
    }

    /** Reads the LimitNOFILE of the units {@link #units} found. */
    public static Result read(ProjectPaths paths, Units units) {
        List<ReadProblem> problems = new ArrayList<>(units.problems());
        List<Limit> limits = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<String, List<Path>> unit : units.byUnit().entrySet()) {
            read(unit.getKey(), unit.getValue(), paths, notes, problems).ifPresent(limits::add);
        }
        return new Result(limits, notes, problems);
    }

    /** Reads one unit's files in systemd's order: the unit, then its drop-ins by file name. */
    static Optional<Limit> read(String unit, List<Path> files, ProjectPaths paths, List<Note> notes,
                                List<ReadProblem> problems) {
        List<Path> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing((Path p) -> isDropIn(p) ? 1 : 0)
                .thenComparing(p -> p.getFileName().toString()));
        Optional<Limit> limit = Optional.empty();
        for (Path file : ordered) {
            String display = paths.display(file);
            TextFile text;
            try {
                text = TextFile.read(file, display);
            } catch (TextFile.Unreadable e) {
                problems.add(e.problem());
                continue;
            }
            String section = "";
            List<String> lines = text.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                StringBuilder logical = new StringBuilder(lines.get(i));
                while (logical.toString().endsWith("\\") && i + 1 < lines.size()) {
                    logical.setLength(logical.length() - 1);
                    logical.append(' ').append(lines.get(++i));
                }
                String line = logical.toString().strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0 || !section.equals("Service") || !line.substring(0, eq).strip().equals("LimitNOFILE")) {
                    continue;
                }
                String value = line.substring(eq + 1).strip();
                int column = lines.get(number - 1).indexOf("LimitNOFILE") + 1;
                SourceLocation at = new SourceLocation(display, number, Math.max(column, 1));
                if (value.isEmpty()) {
                    limit = Optional.empty(); // an empty assignment resets to the default
                    notes.add(new Note(at, "LimitNOFILE= resets the limit of " + unit + " to systemd's default, "
                            + "which connlint does not know; the open-files cut is not computed from this unit"));
                    continue;
                }
                Matcher m = VALUE.matcher(value.toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    notes.add(new Note(at, "systemd cannot parse LimitNOFILE=" + value + " and ignores it "
                            + "(\"Failed to parse resource value, ignoring\")"));
                    continue;
                }
                long soft = number(m.group(1));
                long hard = m.group(2) == null ? soft : number(m.group(2));
                if (soft > hard) {
                    notes.add(new Note(at, "LimitNOFILE=" + value + " has a soft limit above the hard limit; "
                            + "systemd refuses it"));
                    continue;
                }
                limit = Optional.of(new Limit(unit, Setting.written("LimitNOFILE", soft, value, at), hard));
            }
        }
        return limit;
    }

    private static long number(String s) {
        return s.equals("infinity") ? INFINITY : Long.parseLong(s);
    }

    private static boolean isDropIn(Path file) {
        Path parent = file.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().endsWith(".service.d");
    }
}
