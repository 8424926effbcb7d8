package io.connlint.core.read.mycnf;

import io.connlint.core.model.ServerEngine;

import java.util.Locale;
import java.util.Optional;

/** Option names and numeric values as the server's option parser (mysys my_getopt) reads them. */
public final class OptionValues {

    private OptionValues() {
    }

    /**
     * The variable an option sets, with underscores: {@code loose-max-connections} →
     * {@code max_connections}. Empty for {@code maximum-} options, which set a session ceiling, not
     * the variable.
     */
    public static Optional<String> variableName(String optionName) {
        String name = optionName.toLowerCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("loose_")) {
            name = name.substring("loose_".length());
        }
        if (name.startsWith("maximum_")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * A whole number as my_getopt reads it: an optional sign and digits, then one optional suffix
     * letter (K, M, G; T, P, E from MySQL 8.0.14 and on MariaDB), case-insensitive, each ×1024.
     * Only the first character after the digits counts: {@code 64MB} is 64M, while {@code 1.5G},
     * {@code 1 G} and {@code 500 ; x} are refused (mysys/my_getopt.c eval_num_suffix).
     *
     * @return the value, or empty when the server would refuse it
     */
    public static Optional<Long> parseNumber(String text, ServerEngine engine) {
        String s = text;
        int i = 0;
        while (i < s.length() && OptionFileReader.isSpace(s.charAt(i))) {
            i++;
        }
        int signStart = i;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digitsStart) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(s.substring(signStart, i));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (i == s.length()) {
            return Optional.of(value);
        }
        int shift = switch (Character.toUpperCase(s.charAt(i))) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            case 'P' -> 50;
            case 'E' -> 60;
            default -> -1;
        };
        if (shift < 0 || (shift > 30 && !engine.isMariaDb() && engine.major() < 8)) {
            return Optional.empty();
        }
        if (Math.abs(value) > (Long.MAX_VALUE >> shift)) {
            return Optional.empty();
        }
        return Optional.of(value << shift);
    }
}
