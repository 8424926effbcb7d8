package io.connlint.core.read.mycnf;

import io.connlint.core.model.SourceLocation;

import java.util.Optional;

/**
 * One option line of an option file, as mysqld's option-file loader hands it to the option
 * parser.
 *
 * @param group   the group it stands in, as written (without brackets)
 * @param name    the option name as written ({@code max-connections}, {@code loose-foo})
 * @param value   the value after quote stripping and escapes; empty for a bare {@code name}
 * @param raw     the value as written, after the {@code #} comment was cut
 * @param at      where the option name starts
 */
public record OptionEntry(String group, String name, Optional<String> value, String raw, SourceLocation at) {

    /** The argument mysqld builds from the line: {@code --name=value} or {@code --name}. */
    public String asArgument() {
        return value.map(v -> "--" + name + "=" + v).orElse("--" + name);
    }
}
