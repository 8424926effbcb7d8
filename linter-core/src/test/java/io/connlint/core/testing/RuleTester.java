package io.connlint.core.testing;

import io.connlint.core.finding.Finding;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.finding.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs rules over a test project whose files carry their expectations inline, and fails on any
 * difference. A comment line
 * <pre>  # expect: CL101 error "at most 36"</pre>
 * expects a finding of that rule (and severity, when given) on the next line that is not itself a
 * marker (the quoted text,
 * optional and repeatable, must appear in its message, arithmetic or help); {@code # expect@file: CODE}
 * expects one at line 1, column 1 of the file. Every finding must be expected and every marker met.
 */
public final class RuleTester {

    private static final Pattern MARKER = Pattern.compile(
            "^\\s*#\\s*expect(@file)?:\\s*(CL\\d{3})(?:\\s+(error|warning|info)\\b)?(.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private record Expected(String path, int line, String code, String severity, List<String> fragments, String marker) {
    }

    private RuleTester() {
    }

    /** Runs only {@code rules} over the project in {@code dir} and checks the markers. */
    public static LintResult assertFindings(Path dir, Rule... rules) {
        LintResult result = new Linter(new RuleRegistry(List.of(rules))).lint(LintRequest.of(dir));
        List<Expected> expected = markers(dir);
        List<String> failures = new ArrayList<>();
        List<Finding> unmatched = new ArrayList<>(result.findings());
        for (Expected e : expected) {
            Finding match = null;
            for (Finding f : unmatched) {
                if (f.primary().isPresent() && f.primary().get().path().equals(e.path())
                        && f.primary().get().line() == e.line() && f.rule().code().equals(e.code())
                        && (e.severity() == null || f.severity().word().equals(e.severity()))
                        && e.fragments().stream().allMatch(fr -> text(f).contains(fr))) {
                    match = f;
                    break;
                }
            }
            if (match == null) {
                failures.add("missing: " + e.path() + ":" + e.line() + " " + e.code() + " "
                        + (e.severity() == null ? "" : e.severity() + " ") + e.fragments()
                        + " (marker: " + e.marker().trim() + ")");
            } else {
                unmatched.remove(match);
            }
        }
        for (Finding f : unmatched) {
            failures.add("unexpected: " + f.primary().map(Object::toString).orElse("(no location)") + " "
                    + f.rule().code() + " " + f.message());
        }
        if (!failures.isEmpty()) {
            StringBuilder all = new StringBuilder("findings differ from the markers in " + dir + ":\n");
            failures.forEach(s -> all.append("  ").append(s).append('\n'));
            all.append("all findings:\n");
            result.findings().forEach(f -> all.append("  ").append(f.primary().map(Object::toString).orElse("-"))
                    .append(' ').append(f.rule().code()).append(' ').append(f.severity().word()).append(' ').append(text(f).replace("\n", " | ")).append('\n'));
            throw new AssertionError(all.toString());
        }
        return result;
    }

    private static String text(Finding f) {
        StringBuilder s = new StringBuilder(f.message());
        f.arithmetic().forEach(a -> s.append('\n').append(a));
        f.help().ifPresent(h -> s.append('\n').append(h));
        f.related().forEach(r -> s.append('\n').append(r.at()).append(' ').append(r.message()));
        return s.toString();
    }

    private static List<Expected> markers(Path dir) {
        List<Expected> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(file).toString().replace('\\', '/');
                List<String> lines;
                try {
                    lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n", -1));
                } catch (IOException e) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (!m.matches()) {
                        continue;
                    }
                    List<String> fragments = new ArrayList<>();
                    Matcher q = QUOTED.matcher(m.group(4));
                    while (q.find()) {
                        fragments.add(q.group(1));
                    }
                    int target;
                    if (m.group(1) != null) {
                        target = 1;
                    } else {
                        target = i + 1;
                        while (target < lines.size() && MARKER.matcher(lines.get(target)).matches()) {
                            target++;
                        }
                        target++; // 1-based
                    }
                    all.add(new Expected(rel, target, m.group(2), m.group(3), fragments, lines.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The directory of a test project on the test class path. */
    public static Path project(Class<?> testClass, String name) {
        String base = testClass.getSimpleName().replaceFirst("Test$", "");
        var url = testClass.getResource(base + "/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test project " + base + "/" + name + " beside " + testClass.getName());
        }
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
