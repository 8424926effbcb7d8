package io.connlint.core.engine;

import io.connlint.core.model.Deployment;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Suppression;
import io.connlint.core.read.TextFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        for (String file : files) {
            List<String> lines;
            try {
                lines = TextFile.read(root.resolve(file), file).lines();
            } catch (TextFile.Unreadable e) {
                continue; // reported by CL900 where it matters
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = COMMENT.matcher(lines.get(i));
                if (m.matches()) {
                    List<String> codes = new ArrayList<>();
                    for (String code : m.group(1).split(",")) {
                        if (!code.isBlank()) {
                            codes.add(code.trim().toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                    int column = lines.get(i).indexOf('#') + 1;
                    found.add(new Suppression(new SourceLocation(file, i + 1, column), codes, m.group(2).strip(), false));
                }
            }
        }
        return found;
    }

    /** The suppression that silences {@code finding}, if one stands directly above its primary line. */
    static int matching(List<Suppression> suppressions, Finding finding) {
        if (finding.primary().isEmpty()) {
            return -1;
        }
        SourceLocation at = finding.primary().get();
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            if (s.at().path().equals(at.path()) && s.at().line() == at.line() - 1 && s.hasReason()
                    && s.codes().contains(finding.rule().code())) {
                return i;
            }
        }
        return -1;
    }
}
