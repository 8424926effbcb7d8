package io.connlint.core.read.python;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.python.PyValue.PyDict;
import io.connlint.core.read.python.PyValue.PyFloat;
import io.connlint.core.read.python.PyValue.PyList;
import io.connlint.core.read.python.PyValue.PyUnknown;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simple cases of {@code "…" % args} and {@code "…".format(…)}: {@code %s %r %d %i %f %%}
 * without flags or widths, and {@code {}}, {@code {0}}, {@code {name}} without conversions or
 * format specs. Anything else is unknown, with the reason.
 */
final class Formats {

    private Formats() {
    }

    static PyValue percent(String format, PyValue args, String text, SourceLocation at) {
        Budget.charge(1 + format.length() / 16);
        List<PyValue> positional = args instanceof PyList l && l.tuple() ? l.items() : List.of(args);
        Map<String, PyValue> named = args instanceof PyDict d ? d.entries() : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= format.length()) {
                return unknown(text, "an incomplete format", at);
            }
            PyValue value;
            if (format.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            if (format.charAt(i) == '(') {
                int close = format.indexOf(')', i);
                if (close < 0 || named == null) {
                    return unknown(text, "a mapping key without a dict", at);
                }
                value = named.get(format.substring(i + 1, close));
                if (value == null) {
                    return new PyUnknown("`" + text + "` raises KeyError", at);
                }
                i = close + 1;
                if (i >= format.length()) {
                    return unknown(text, "an incomplete format", at);
                }
            } else {
                if (next >= positional.size()) {
                    return new PyUnknown("`" + text + "` raises TypeError (not enough arguments for format string)", at);
                }
                value = positional.get(next++);
            }
            char conversion = format.charAt(i);
            String piece = convert(conversion, value);
            if (piece == null) {
                return value instanceof PyUnknown u ? new PyUnknown(u.reason(), at)
                        : unknown(text, "the conversion %" + conversion, at);
            }
            out.append(piece);
            if (out.length() > Values.MAX_STRING) {
                return Values.tooLong(at);
            }
        }
        if (named == null && next < positional.size()) {
            return new PyUnknown("`" + text + "` raises TypeError (not all arguments converted during string formatting)", at);
        }
        return Values.string(out.toString(), at);
    }

    private static String convert(char conversion, PyValue value) {
        if (!Values.isKnownScalar(value) && !(value instanceof PyList) && !(value instanceof PyDict)) {
            return null;
        }
        return switch (conversion) {
            case 's' -> Values.str(value);
            case 'r' -> Values.repr(value);
            case 'd', 'i' -> Values.isNumber(value)
                    ? (value instanceof PyFloat f ? Long.toString((long) f.value()) : Long.toString(Values.asLong(value))) : null;
            case 'f' -> Values.isNumber(value) ? String.format(Locale.ROOT, "%.6f", Values.asDouble(value)) : null;
            default -> null;
        };
    }

    static PyValue format(String format, List<PyValue> positional, Map<String, PyValue> named, String text, SourceLocation at) {
        Budget.charge(1 + format.length() / 16);
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '{' && i + 1 < format.length() && format.charAt(i + 1) == '{') {
                out.append('{');
                i++;
                continue;
            }
            if (c == '}' && i + 1 < format.length() && format.charAt(i + 1) == '}') {
                out.append('}');
                i++;
                continue;
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            int close = format.indexOf('}', i);
            if (close < 0) {
                return unknown(text, "an unclosed replacement field", at);
            }
            String field = format.substring(i + 1, close);
            if (field.endsWith(":")) {
                field = field.substring(0, field.length() - 1);
            }
            PyValue value;
            if (field.isEmpty()) {
                value = auto < positional.size() ? positional.get(auto++) : null;
            } else if (field.chars().allMatch(Character::isDigit) && field.length() < 6) {
                int index = Integer.parseInt(field);
                value = index < positional.size() ? positional.get(index) : null;
            } else if (field.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                value = named.get(field);
            } else {
                return unknown(text, "the replacement field {" + field + "}", at);
            }
            if (value == null) {
                return new PyUnknown("`" + text + "` raises IndexError or KeyError (no value for {" + field + "})", at);
            }
            String piece = Values.isKnownScalar(value) || value instanceof PyList || value instanceof PyDict ? Values.str(value) : null;
            if (piece == null) {
                return value instanceof PyUnknown u ? new PyUnknown(u.reason(), at) : unknown(text, "a value that is not known", at);
            }
            out.append(piece);
            if (out.length() > Values.MAX_STRING) {
                return Values.tooLong(at);
            }
            i = close;
        }
        return Values.string(out.toString(), at);
    }

    private static PyUnknown unknown(String text, String what, SourceLocation at) {
        return new PyUnknown("`" + text + "` is not evaluated: " + what + " is not modelled", at);
    }
}
