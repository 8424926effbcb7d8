package io.connlint.core.model;

import java.util.List;

/**
 * A {@code # connlint: ignore[CL301] reason} comment: it silences the findings of those rules whose
 * primary location is the line directly below it.
 *
 * @param at     where the comment stands
 * @param codes  the rule codes it names
 * @param reason why, as written; a suppression needs one
 * @param used   whether it silenced a finding (known once the rules have run)
 */
public record Suppression(SourceLocation at, List<String> codes, String reason, boolean used) {

    public Suppression {
        codes = List.copyOf(codes);
    }

    public boolean hasReason() {
        return !reason.isBlank();
    }

    public Suppression markUsed() {
        return new Suppression(at, codes, reason, true);
    }
}
