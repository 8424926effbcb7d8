package io.connlint.core.report;

import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code path:line:col: error CL101 pool-budget-exceeded: message}, then the arithmetic, the
 * related locations and a {@code help:} line, then one summary line. Clickable in IDEs and CI logs.
 * Findings come grouped by file (a blank line between files); quiet prints only the headlines.
 * With colour (the CLI's choice: a terminal, and no {@code NO_COLOR}), the severity word and the
 * rule code are highlighted with ANSI escapes; everything else stays plain text.
 */
public final class ConsoleReporter implements Reporter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";

    private final boolean quiet;
    private final boolean colour;

    public ConsoleReporter(boolean quiet) {
        this(quiet, false);
    }

    public ConsoleReporter(boolean quiet, boolean colour) {
        this.quiet = quiet;
        this.colour = colour;
    }

    @Override
    public void write(LintResult result, Appendable out) throws IOException {
        String previousFile = null;
        for (Finding f : result.findings()) {
            String file = f.primary().map(l -> l.path()).orElse("");
            if (!quiet && previousFile != null && !previousFile.equals(file)) {
                out.append('\n');
            }
            previousFile = file;
            List<String> lines = quiet ? List.of(headline(f)) : lines(f);
            out.append(colour ? coloured(f) : lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                out.append(line).append('\n');
            }
        }
        out.append(summary(result)).append('\n');
    }

    /** The headline with the severity in its colour (red, yellow, cyan) and the rule code in bold. */
    private static String coloured(Finding f) {
        String where = f.primary().map(l -> l + ": ").orElse("");
        String tint = switch (f.severity()) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
        return where + BOLD + tint + f.severity().word() + RESET + " " + BOLD + f.rule().code() + RESET + " "
                + f.rule().name() + ": " + f.message();
    }

    /**
     * Whether a console report should be coloured: only on a terminal, and never when the
     * {@code NO_COLOR} environment variable is set to anything non-empty (no-color.org), or
     * {@code TERM} is {@code dumb}.
     */
    public static boolean colourWanted(boolean terminal, java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    /** A finding's lines: the headline, then indented arithmetic, related locations and help. */
    public static List<String> lines(Finding f) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(f));
        f.arithmetic().forEach(a -> lines.add("    " + a));
        f.related().forEach(r -> lines.add("    " + r.at() + ": " + r.message()));
        f.help().ifPresent(h -> lines.add("    help: " + h));
        return lines;
    }

    /** The first line of a finding, as IDEs and CI logs link it. */
    public static String headline(Finding f) {
        String where = f.primary().map(l -> l + ": ").orElse("");
        return where + f.severity().word() + " " + f.rule().code() + " " + f.rule().name() + ": " + f.message();
    }

    public static String summary(LintResult result) {
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        long infos = result.count(Severity.INFO);
        return "connlint: " + plural(errors, "error") + ", " + plural(warnings, "warning") + ", "
                + plural(infos, "info") + " (" + result.model().servers().size() + " server"
                + (result.model().servers().size() == 1 ? "" : "s") + ", " + result.model().pools().size() + " pool"
                + (result.model().pools().size() == 1 ? "" : "s") + ")";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
    }
}
