package io.connlint.core.finding;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is; also the threshold for failing a build. */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** The lower-case word users write: {@code error}, {@code warning}, {@code info}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String word) {
        for (Severity s : values()) {
            if (s.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
