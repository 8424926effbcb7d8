package io.connlint.cli;

import io.connlint.core.check.FailOn;
import io.connlint.core.report.ReportFormat;
import io.connlint.core.report.ReportFormats;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code connlint check} without picocli, for the plain command lines a build or a hook runs: the
 * command, at most one DIR and each of {@code --config}, {@code --format}, {@code --output},
 * {@code --fail-on}, {@code --baseline} and {@code -q} at most once, every value valid. picocli's jar is compiled for
 * Java 5, so the class-data sharing archive cannot hold it, and building its model of the
 * commands by reflection was half of a small project's run (docs/performance.md). Anything else —
 * help, an unknown or repeated option, a bad value — is left to picocli, which parses, explains
 * and sets the exit code; both paths run the same {@link CheckRun#check}.
 */
final class DirectCheck {

    Path dir = Path.of(".");
    Path config;
    ReportFormat format = ReportFormats.get(ReportFormats.CONSOLE);
    Path output;
    FailOn failOn = FailOn.ERROR;
    boolean quiet;
    Path baseline;

    private DirectCheck() {
    }

    /** The arguments understood, or empty when picocli should handle them. */
    static Optional<DirectCheck> parse(String... args) {
        if (args.length == 0 || !args[0].equals("check")) {
            return Optional.empty();
        }
        DirectCheck c = new DirectCheck();
        boolean dirSeen = false;
        boolean[] seen = new boolean[6];
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("@")) {
                    return Optional.empty(); // picocli reads arguments from @files
                }
                if (!a.startsWith("-")) {
                    if (dirSeen) {
                        return Optional.empty();
                    }
                    dirSeen = true;
                    c.dir = Path.of(a);
                    continue;
                }
                if (a.equals("-q") || a.equals("--quiet")) {
                    if (seen[0]) {
                        return Optional.empty();
                    }
                    seen[0] = true;
                    c.quiet = true;
                    continue;
                }
                String name = a;
                String value;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                    value = args[++i];
                } else {
                    return Optional.empty();
                }
                int option = Arrays.asList("--config", "--format", "--output", "--fail-on", "--baseline").indexOf(name) + 1;
                if (option == 0 || seen[option] || value.isEmpty()) {
                    return Optional.empty();
                }
                seen[option] = true;
                switch (option) {
                    case 1 -> c.config = Path.of(value);
                    case 2 -> {
                        Optional<ReportFormat> format = ReportFormats.find(value);
                        if (format.isEmpty()) {
                            return Optional.empty();
                        }
                        c.format = format.get();
                    }
                    case 3 -> c.output = Path.of(value);
                    case 5 -> c.baseline = Path.of(value);
                    default -> {
                        Optional<FailOn> level = FailOn.parse(value);
                        if (level.isEmpty()) {
                            return Optional.empty();
                        }
                        c.failOn = level.get();
                    }
                }
            }
        } catch (IllegalArgumentException e) { // an invalid path
            return Optional.empty();
        }
        return Optional.of(c);
    }

    /** Runs the check as picocli would: the same output, the same exit codes and error messages. */
    int run(PrintWriter out, PrintWriter err) throws Exception {
        try {
            return CheckRun.check(dir, config, format, output, failOn, quiet, baseline, out, err);
        } catch (RuntimeException | java.io.IOException e) {
            if (Main.isUserError(e)) {
                err.println("connlint: " + e.getMessage());
                return Main.EXIT_ERROR;
            }
            throw e;
        }
    }
}
