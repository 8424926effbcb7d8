package io.connlint.core.read.mycnf;

import io.connlint.core.model.ServerEngine;

import java.math.BigInteger;
import java.util.Optional;

/** Option names and numeric values as the server's option parser (mysys my_getopt) reads them. */
public final class OptionValues {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private OptionValues() {
    }

    /**
     * The variable an option sets, with underscores: {@code loose-max-connections} →
     * {@code max_connections}. Empty for {@code maximum-} options, which set a session ceiling, not
     * the variable. The case is kept: my_getopt compares names byte by byte with only {@code -}
     * and {@code _} equal (getopt_compare_strings), so {@code Max_Connections} is an unknown
     * variable, not {@code max_connections}.
     */
    public static Optional<String> variableName(String optionName) {
        String name = optionName.replace('-', '_');
        if (name.startsWith("loose_")) {
            name = name.substring("loose_".length());
        }
        if (name.startsWith("maximum_")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * A whole number as my_getopt reads it for a numeric variable: {@code strtoll}/{@code strtoull}
     * digits, then one optional suffix letter (K, M, G; T, P, E from MySQL 8.0.14 and on MariaDB),
     * case-insensitive, each ×1024. Only the first character after the digits counts: {@code 64MB}
     * is 64M, while {@code 1.5G}, {@code 1 G}, {@code 500 ; x} and {@code abc} are refused
     * (mysys/my_getopt.c eval_num_suffix).
     *
     * <p>Engines differ where the number does not fit or is missing:
     * <ul>
     * <li>MariaDB (checked with the 10.11 client's my_getopt, {@code mariadb --max-allowed-packet=V
     *     --help}): an empty value is 0; a leading {@code -} is refused ("Incorrect unsigned
     *     value"); the suffix multiplies modulo 2<sup>64</sup> without an overflow check, so
     *     {@code 20E} is 2<sup>62</sup> and {@code 16E} is 0; digits beyond 2<sup>64</sup>−1 are
     *     refused.</li>
     * <li>MySQL (research/mysql-facts.md §1.7, 8.0.41 my_getopt.cc): an empty value is refused
     *     ("Empty value for '%s' specified"), so is a value that does not fit the 64-bit
     *     unsigned variable ("Incorrect unsigned integer value"); a negative number is returned as such and the caller clamps it to the
     *     minimum. MySQL 5.7 knows only K, M and G.</li>
     * </ul>
     * Unsigned results above {@link Long#MAX_VALUE} are returned as {@link Long#MAX_VALUE}; every
     * variable's maximum lies far below, so clamping gives the same value.
     *
     * @return the value, or empty when the server would refuse it
     */
    public static Optional<Long> parseNumber(String text, ServerEngine engine) {
        if (engine.isMariaDb() && text.startsWith("-")) {
            return Optional.empty();
        }
        int i = 0;
        while (i < text.length() && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        BigInteger number;
        int suffixAt;
        if (i == digitsStart) {
            // strtoll converted nothing: the "suffix" is the text itself ("abc" → 'a'; "" → none)
            number = BigInteger.ZERO;
            suffixAt = 0;
            negative = false;
        } else {
            number = new BigInteger(text.substring(digitsStart, i));
            suffixAt = i;
        }
        if (text.isEmpty() && !engine.isMariaDb()) {
            return Optional.empty(); // MySQL: "Empty value for '%s' specified"
        }
        int shift = 0;
        if (suffixAt < text.length()) {
            shift = switch (Character.toUpperCase(text.charAt(suffixAt))) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                case 'P' -> 50;
                case 'E' -> 60;
                default -> -1;
            };
            if (shift < 0 || (shift > 30 && !engine.isMariaDb() && engine.major() < 8)) {
                return Optional.empty(); // "Unknown suffix '%c' used for variable '%s'"
            }
        }
        if (engine.isMariaDb()) {
            if (number.compareTo(TWO_TO_64) >= 0) {
                return Optional.empty(); // strtoull: ERANGE
            }
            BigInteger value = negative ? TWO_TO_64.subtract(number).mod(TWO_TO_64) : number;
            value = value.shiftLeft(shift).mod(TWO_TO_64);
            return Optional.of(value.min(LONG_MAX).longValueExact());
        }
        BigInteger value = (negative ? number.negate() : number).shiftLeft(shift);
        if (value.compareTo(TWO_TO_64) >= 0 || value.bitLength() > 63 && value.signum() < 0) {
            return Optional.empty(); // "Incorrect integer value" / "Incorrect unsigned integer value"
        }
        return Optional.of(value.min(LONG_MAX).longValueExact());
    }

    /** C isspace in the "C" locale, as strtoll skips it. */
    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
