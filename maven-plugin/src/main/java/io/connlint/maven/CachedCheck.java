package io.connlint.maven;

import io.connlint.core.engine.ProjectSnapshot;
import io.connlint.core.report.ReportFiles;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code check} goal's use of {@link CheckCache}: the last outcome looked up and repeated when
 * nothing the check reads has changed, and a new outcome kept when it can be trusted next time.
 */
final class CachedCheck {

    /** A file changed this recently may change again within its time stamps' resolution: no outcome is kept. */
    private static final Duration RECENT = Duration.ofSeconds(2);

    private final Path file;
    private final String key;
    private final Reactor reactor;
    private final List<Path> excluded;
    private final List<Path> named;
    private final Log log;
    private final Instant started;
    private ProjectSnapshot before;

    /**
     * @param started  when the goal started: files changed after it, or just before, are too recent to trust
     * @param file     the cache file
     * @param key      everything besides the files that decides the outcome
     * @param excluded directories the snapshot leaves out (the reports' own)
     * @param named    files named by parameters, described wherever they are
     */
    CachedCheck(Instant started, Path file, String key, Reactor reactor, List<Path> excluded, List<Path> named,
                Log log) {
        this.started = started;
        this.file = file;
        this.key = key;
        this.reactor = reactor;
        this.excluded = excluded;
        this.named = named;
        this.log = log;
    }

    /** The last check's outcome, if nothing it looked at has changed; else the project is described for {@link #keep}. */
    Optional<CheckCache.Outcome> kept() {
        Optional<CheckCache.Outcome> kept = CheckCache.read(file, key,
                looked -> ProjectSnapshot.take(reactor.root(), excluded, named, looked));
        if (kept.isEmpty()) {
            before = ProjectSnapshot.take(reactor.root(), excluded, named);
        }
        return kept;
    }

    /**
     * Keeps the outcome for the next build when the check looked only where the snapshot
     * describes, the files it looked at did not change while it ran, and none changed so recently
     * that its time stamps could hide a second change.
     */
    void keep(ProjectSnapshot.Coverage coverage, CheckCache.Outcome outcome) {
        Set<String> looked = coverage.looked();
        byte[] description = before.bytes(looked);
        String why;
        if (!before.usable()) {
            why = before.unusable().orElseThrow();
        } else if (coverage.uncovered().isPresent()) {
            why = "the check looked at " + coverage.uncovered().get() + ", outside what the cache can watch";
        } else if (!before.newest(looked).isBefore(started.minus(RECENT))) {
            why = "files it read changed in the last " + RECENT.toSeconds() + " s";
        } else {
            byte[] now = ProjectSnapshot.take(reactor.root(), excluded, named).bytes(looked);
            if (!Arrays.equals(description, now)) {
                why = "files changed during the check: " + firstDifference(description, now);
            } else {
                try {
                    CheckCache.write(file, key, looked, description, outcome);
                    return;
                } catch (IOException e) {
                    why = "could not write " + file + ": " + e.getMessage();
                }
            }
        }
        log.debug("connlint: the outcome is not kept for the next build: " + why);
    }

    /** The entry of the first line where two descriptions differ: what changed. */
    private static String firstDifference(byte[] a, byte[] b) {
        String[] x = new String(a, StandardCharsets.UTF_8).split("\n");
        String[] y = new String(b, StandardCharsets.UTF_8).split("\n");
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        String line = i < x.length ? x[i] : i < y.length ? y[i] : "";
        return line.split("\t")[0];
    }

    /** The last check's outcome again: its log, annotations and reports (into {@code outputDirectory}), and its failure. */
    static void repeat(CheckCache.Outcome outcome, Log log, PrintStream annotations, Path outputDirectory)
            throws MojoExecutionException, MojoFailureException {
        log.info("connlint: nothing the check reads has changed since the last build; its result follows"
                + " (-Dconnlint.cache=false checks again)");
        Transcript out = new Transcript(log, annotations);
        for (CheckCache.Logged line : outcome.log()) {
            out.log(line.level(), line.text());
        }
        for (String line : outcome.annotations()) {
            out.annotate(line);
        }
        annotations.flush();
        for (CheckCache.Report report : outcome.reports()) {
            Path target = outputDirectory.resolve(report.fileName());
            try {
                if (!sameBytes(target, report.bytes())) {
                    ReportFiles.write(target, report.bytes());
                }
            } catch (IOException e) {
                throw new MojoExecutionException("connlint: could not write " + target + ": " + e.getMessage(), e);
            }
        }
        if (outcome.failure().isPresent()) {
            throw new MojoFailureException(outcome.failure().get());
        }
    }

    /** Whether {@code file} holds exactly {@code bytes} (a report left as the last build wrote it). */
    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
