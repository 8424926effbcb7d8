package io.connlint.core.read.spring;

import java.util.Optional;

/** Numbers as Spring Boot's binder converts them for an {@code int} or {@code long} setter. */
public final class SpringNumbers {

    private SpringNumbers() {
    }

    /** A number YAML typed, converted as Spring's NumberUtils does: fractions truncated, overflow refused. */
    public static Optional<Long> typed(Number n, boolean isInt) {
        if (n instanceof java.math.BigInteger big && big.bitLength() >= 64) {
            return Optional.empty();
        }
        if (n instanceof Double d && (d.isNaN() || d.isInfinite() || d >= 0x1p63 || d < -0x1p63)) {
            return Optional.empty();
        }
        long value = n.longValue();
        if (isInt && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A number as Spring's conversion reads it: white space removed, decimal or {@code 0x} hex
     * (NumberUtils.parseNumber).
     */
    public static Optional<Long> parse(String text, boolean isInt) {
        String t = text.replaceAll("\\s", "");
        try {
            long value;
            if (t.startsWith("0x") || t.startsWith("0X") || t.startsWith("#")) {
                value = Long.decode(t);
            } else if (t.startsWith("-0x") || t.startsWith("-0X") || t.startsWith("-#")) {
                value = Long.decode(t);
            } else {
                value = Long.parseLong(t);
            }
            if (isInt && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
