package io.connlint.core.report;

import io.connlint.core.engine.Finding;
import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code path:line:col: error CL101 pool-budget-exceeded: message}, then the arithmetic, the
 * related locations and a {@code help:} line, then one summary line. Clickable in IDEs and CI logs.
 */
public final class ConsoleReporter implements Reporter {

    private final boolean quiet;

    public ConsoleReporter(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void write(LintResult result, Appendable out) throws IOException {
        for (Finding f : result.findings()) {
            for (String line : quiet ? List.of(headline(f)) : lines(f)) {
                out.append(line).append('\n');
            }
        }
        out.append(summary(result)).append('\n');
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
