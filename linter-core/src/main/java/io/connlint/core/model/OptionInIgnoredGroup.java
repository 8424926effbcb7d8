package io.connlint.core.model;

import java.util.Objects;

/**
 * A server variable set in an option-file group the server does not read ({@code [client]},
 * {@code [mysqld_safe]}): the server skips it without a word.
 *
 * @param at     where the option is written
 * @param option the option as written
 * @param group  the group it stands in, as written (without brackets)
 */
public record OptionInIgnoredGroup(SourceLocation at, String option, String group) {

    public OptionInIgnoredGroup {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(group, "group");
    }
}
