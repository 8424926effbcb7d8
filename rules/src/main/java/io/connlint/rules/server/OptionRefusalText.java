package io.connlint.rules.server;

import io.connlint.core.model.OptionFileIssue.OptionRefused;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of CL504 for an option line the server refuses: my_getopt's message, and a fix. */
final class OptionRefusalText {

    private static final String UNITS = "KMGTPE";
    private static final Pattern DECIMAL_WITH_UNIT = Pattern.compile("\\s*(\\d{1,9})\\.(\\d{1,6})\\s*([KMGTPEkmgtpe]).*");
    private static final Pattern SPACE_BEFORE_UNIT = Pattern.compile("\\s*(\\d+)\\s+([KMGTPEkmgtpe])\\b.*");

    private OptionRefusalText() {
    }

    static String message(OptionRefused r) {
        String shown = r.value().map(v -> r.option() + " = " + r.raw()).orElse(r.option());
        return shown + ": " + r.engine().id() + (r.loose()
                ? " refuses the value (with loose- it logs the [ERROR] and goes on without it): "
                : " refuses it, so the server does not start: ") + why(r);
    }

    /** What my_getopt says, in its words. */
    private static String why(OptionRefused r) {
        String text = r.value().orElse("");
        String variable = r.variable();
        return switch (r.reason()) {
            case UNKNOWN_OPTION -> "the server does not know this option: \"" + (r.value().isPresent()
                    ? "unknown variable '" + r.option() + "=" + text + "'"
                    : "unknown option '--" + r.option() + "'") + "\"";
            case MAXIMUM_NOT_SETTABLE -> "\"Maximum value of '" + variable + "' cannot be set\": " + variable
                    + " has no session value to limit";
            case ARGUMENT_REQUIRED -> "\"option '--" + variable + "' requires an argument\"";
            case EMPTY_VALUE -> "\"Empty value for '" + variable + "' specified\"";
            case NEGATIVE_UNSIGNED -> "\"Incorrect unsigned value: '" + text + "' for " + variable + "\"";
            case OUT_OF_RANGE -> "\"Integer value out of range for uint64: '" + text + "' for " + variable + "\"";
            case UNKNOWN_SUFFIX -> unknownSuffix(r);
            case SUFFIX_UNKNOWN_TO_ENGINE -> unknownSuffix(r) + ": " + r.engine().id() + " knows only K, M and G";
            case INCORRECT_INTEGER -> "\"Incorrect integer value: '" + text + "'\"";
            case NOT_A_NUMBER -> "'" + text + "' is not a number: \"Error while setting value '" + text + "' to '"
                    + variable + "'\"";
        };
    }

    private static String unknownSuffix(OptionRefused r) {
        return "\"Unknown suffix '" + r.suffix().orElse('?') + "' used for variable '" + r.variable() + "' (value '"
                + r.value().orElse("") + "')\"";
    }

    static String help(OptionRefused r) {
        return switch (r.reason()) {
            case UNKNOWN_OPTION -> "correct the name, or write loose-" + r.option() + " if it belongs to a plugin that "
                    + "may not be loaded";
            case MAXIMUM_NOT_SETTABLE -> "remove the line";
            case ARGUMENT_REQUIRED -> "write " + r.option() + " = <value>";
            default -> fix(r.option(), r.value().orElse(""));
        };
    }

    /** A number my_getopt reads: {@code 1.5G} as {@code 1536M}, {@code 1 G} as {@code 1G}, else the digits. */
    private static String fix(String name, String value) {
        Matcher decimal = DECIMAL_WITH_UNIT.matcher(value);
        if (decimal.matches() && UNITS.indexOf(Character.toUpperCase(decimal.group(3).charAt(0))) > 0) {
            int unit = UNITS.indexOf(Character.toUpperCase(decimal.group(3).charAt(0)));
            BigDecimal lower = new BigDecimal(decimal.group(1) + "." + decimal.group(2))
                    .multiply(BigDecimal.valueOf(1024));
            if (lower.stripTrailingZeros().scale() <= 0) {
                return "write " + name + " = " + lower.toBigInteger() + UNITS.charAt(unit - 1)
                        + " (whole numbers only)";
            }
        }
        Matcher spaced = SPACE_BEFORE_UNIT.matcher(value);
        if (spaced.matches()) {
            return "write " + name + " = " + spaced.group(1) + spaced.group(2).toUpperCase(Locale.ROOT)
                    + " (no space before the suffix)";
        }
        String digits = value.strip().replaceFirst("^([+-]?\\d*).*$", "$1");
        return digits.isEmpty() || digits.equals("-") || digits.equals("+")
                ? "write a whole number, optionally followed by one of K, M, G, T, P, E (× 1024)"
                : "write a whole number with at most one suffix letter right after it, e.g. " + name + " = " + digits
                + " (comments go after '#')";
    }
}
