package io.connlint.core.model;

import java.util.Objects;

/**
 * A server variable set again later: a later line, file, command-line flag or mysqld-auto.cnf
 * value wins, so this one has no effect.
 *
 * @param at       where the overridden option is written
 * @param option   the option as written
 * @param variable the variable both set
 * @param winner   the setting the server runs with
 */
public record OverriddenOption(SourceLocation at, String option, String variable, Setting<?> winner) {

    public OverriddenOption {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(winner, "winner");
    }
}
