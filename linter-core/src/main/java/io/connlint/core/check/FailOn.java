package io.connlint.core.check;

import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lowest severity that fails a check ({@code --fail-on}, {@code connlint.failOn}): a finding
 * at or above it makes the CLI exit 1 and the Maven build fail; {@link #NEVER} only reports.
 */
public enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The word users write: {@code error}, {@code warning}, {@code info}, {@code never}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity that fails, or empty for {@link #NEVER}. */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** How many findings of {@code result} are at or above the threshold (none for {@link #NEVER}). */
    public long count(LintResult result) {
        return threshold == null ? 0 : result.countAtLeast(threshold);
    }

    /** Whether {@code result} fails the check. */
    public boolean failedBy(LintResult result) {
        return threshold != null && result.hasFindingsAtLeast(threshold);
    }

    /** The level a user wrote, in any case and with spaces around it; empty when it is none of {@link #words()}. */
    public static Optional<FailOn> parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (FailOn f : values()) {
            if (f.word().equals(w)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every word, in order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(FailOn::word).toList();
    }

    /** The words as a message lists them: {@code error, warning, info or never}. */
    public static String choices() {
        List<String> words = words();
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
