package io.connlint.core.engine;

import io.connlint.core.read.Parallel;
import io.connlint.core.finding.Finding;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Suppression;
import io.connlint.core.read.TextFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code # connlint: ignore[CODE, …] reason} comments in the files the model was read from. */
final class Suppressions {

    private static final Pattern COMMENT = Pattern.compile(
            "^\\s*#\\s*connlint:\\s*ignore\\[([A-Za-z0-9_,\\s-]*)\\]\\s*(.*)$");
    // no \\s* before the codes: with the class's own \\s it made a long unclosed line quadratic

    private Suppressions() {
    }

    static List<Suppression> scan(Path root, Deployment model, java.util.Optional<String> configFile) {
        Set<String> files = new LinkedHashSet<>();
        configFile.ifPresent(files::add);
        model.servers().forEach(s -> files.addAll(s.optionFiles()));
        model.pools().forEach(p -> files.addAll(p.configFiles()));
        List<Suppression> found = new ArrayList<>();
        Parallel.map(List.copyOf(files), file -> scan(root, file)).forEach(found::addAll);
        return found;
    }

    private static List<Suppression> scan(Path root, String file) {
        List<TextFile.Line> lines = TextFile.memo().flatMap(m -> m.linesMentioningConnlint(file)).orElse(null);
        if (lines == null) { // not read in this run's load: read it now
            try {
                TextFile text = TextFile.read(root.resolve(file), file);
                lines = TextFile.memo().flatMap(m -> m.linesMentioningConnlint(file)).orElseGet(() -> numbered(text));
            } catch (TextFile.Unreadable e) {
                return List.of(); // reported by CL900 where it matters
            }
        }
        List<Suppression> found = new ArrayList<>();
        for (TextFile.Line line : lines) {
            if (line.text().indexOf("connlint") < 0) {
                continue;
            }
            Matcher m = COMMENT.matcher(line.text());
            if (m.matches()) {
                List<String> codes = new ArrayList<>();
                for (String code : m.group(1).split(",")) {
                    if (!code.isBlank()) {
                        codes.add(code.trim().toUpperCase(java.util.Locale.ROOT));
                    }
                }
                int column = line.text().indexOf('#') + 1;
                found.add(new Suppression(new SourceLocation(file, line.number(), column), codes, m.group(2).strip(),
                        false));
            }
        }
        return found;
    }

    private static List<TextFile.Line> numbered(TextFile text) {
        List<String> lines = text.lines();
        List<TextFile.Line> numbered = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(new TextFile.Line(i + 1, lines.get(i)));
        }
        return numbered;
    }

    /**
     * The suppression that silences {@code finding}, if one stands directly above its primary line:
     * its index in {@code suppressions}, else -1. {@code byLine} is {@link #byLine}'s index of them.
     */
    static int matching(List<Suppression> suppressions, Map<String, List<Integer>> byLine, Finding finding) {
        if (finding.primary().isEmpty()) {
            return -1;
        }
        SourceLocation at = finding.primary().get();
        for (int i : byLine.getOrDefault(key(at.path(), at.line() - 1), List.of())) {
            Suppression s = suppressions.get(i);
            if (s.hasReason() && s.codes().contains(finding.rule().code())) {
                return i;
            }
        }
        return -1;
    }

    /** The suppressions' indexes by file and line, in order, so that matching a finding does not scan them all. */
    static Map<String, List<Integer>> byLine(List<Suppression> suppressions) {
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < suppressions.size(); i++) {
            SourceLocation at = suppressions.get(i).at();
            index.computeIfAbsent(key(at.path(), at.line()), k -> new ArrayList<>()).add(i);
        }
        return index;
    }

    private static String key(String path, int line) {
        return line + ":" + path;
    }
}
