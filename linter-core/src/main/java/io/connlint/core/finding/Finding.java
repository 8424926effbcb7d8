package io.connlint.core.finding;

import io.connlint.core.model.SourceLocation;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule reports.
 *
 * @param rule       the rule's metadata
 * @param severity   the severity in force (the rule's default unless connlint.yml overrides it)
 * @param message    one sentence, naming the settings as users write them
 * @param primary    the setting a user should change
 * @param related    the other settings in the arithmetic
 * @param arithmetic how the numbers add up, one line each
 * @param help       the fix, with a concrete value where one can be computed
 * @param subject    what the finding is about, stable when lines move: the setting's name at the
 *                   primary location and the model object it belongs to (for fingerprints)
 */
public record Finding(RuleInfo rule, Severity severity, String message, Optional<SourceLocation> primary,
                      List<Related> related, List<String> arithmetic, Optional<String> help, String subject) {

    /** A related location and what it contributes. */
    public record Related(SourceLocation at, String message) {
    }

    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.primary().map(SourceLocation::path).orElse(""))
            .thenComparing(f -> f.primary().map(SourceLocation::line).orElse(0))
            .thenComparing(f -> f.primary().map(SourceLocation::column).orElse(0))
            .thenComparing(f -> f.rule().code())
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        related = List.copyOf(related);
        arithmetic = List.copyOf(arithmetic);
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * A fingerprint that stays the same when lines move: rule, file and subject (SARIF
     * partialFingerprints, so code scanning tracks a finding across commits).
     */
    public String fingerprint() {
        String key = rule.code() + "|" + primary.map(SourceLocation::path).orElse("") + "|" + subject;
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    public String ruleId() {
        return rule.code();
    }
}
