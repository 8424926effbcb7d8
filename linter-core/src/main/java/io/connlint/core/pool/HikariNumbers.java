package io.connlint.core.pool;

import io.connlint.core.read.hikari.HikariVersion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as HikariCP's PropertyElf converts them: {@code Integer.parseInt} / {@code Long.parseLong}
 * of the exact text (trailing spaces fail), and from 6.3.0 durations {@code 30s}, {@code 25m}, …
 */
public final class HikariNumbers {

    private static final Pattern DURATION = Pattern.compile("^(?<number>\\d+)(?<unit>ms|s|m|h|d)$");

    private HikariNumbers() {
    }

    public static Optional<Long> parse(String text, HikariProperties.Type type) {
        return parse(text, type, HikariVersion.LATEST);
    }

    /** As {@code version} parses it: durations only from 6.3.0. */
    public static Optional<Long> parse(String text, HikariProperties.Type type, HikariVersion version) {
        try {
            if (type == HikariProperties.Type.INT) {
                return Optional.of((long) Integer.parseInt(text));
            }
            Matcher m = DURATION.matcher(text);
            if (m.matches() && version.acceptsDurations()) {
                long n = Long.parseLong(m.group("number"));
                long factor = switch (m.group("unit")) {
                    case "ms" -> 1L;
                    case "s" -> 1_000L;
                    case "m" -> 60_000L;
                    case "h" -> 3_600_000L;
                    default -> 86_400_000L;
                };
                return Optional.of(Math.multiplyExact(n, factor));
            }
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
