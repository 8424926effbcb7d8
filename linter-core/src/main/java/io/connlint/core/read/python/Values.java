package io.connlint.core.read.python;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.python.PyValue.PyBool;
import io.connlint.core.read.python.PyValue.PyChoice;
import io.connlint.core.read.python.PyValue.PyDict;
import io.connlint.core.read.python.PyValue.PyFloat;
import io.connlint.core.read.python.PyValue.PyInt;
import io.connlint.core.read.python.PyValue.PyList;
import io.connlint.core.read.python.PyValue.PyNone;
import io.connlint.core.read.python.PyValue.PyObject;
import io.connlint.core.read.python.PyValue.PyStr;
import io.connlint.core.read.python.PyValue.PyUnknown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Python semantics on {@link PyValue}s: truthiness, equality, arithmetic, {@code str()} and
 * {@code repr()}, and the copy and merge that evaluate both branches of an {@code if} whose
 * condition is unknown. Every traversal is bounded in depth and in the work it does.
 */
final class Values {

    /** Traversals deeper than this give a conservative answer instead of recursing further. */
    static final int MAX_DEPTH = 200;
    /** A value with more alternatives than this becomes unknown. */
    static final int MAX_ALTERNATIVES = 32;
    /** Computed strings longer than this become unknown (the file itself is at most 10 MB). */
    static final int MAX_STRING = 1_000_000;
    /** Computed lists longer than this become unknown. */
    static final int MAX_ITEMS = 100_000;

    private Values() {
    }

    // ---- truthiness and conversion ----

    /** Python's truth value, or null when it is not known. */
    static Boolean truthy(PyValue v) {
        return truthy(v, 0);
    }

    private static Boolean truthy(PyValue v, int depth) {
        if (v instanceof PyNone) {
            return false;
        } else if (v instanceof PyBool b) {
            return b.value();
        } else if (v instanceof PyInt i) {
            return i.value() != 0;
        } else if (v instanceof PyFloat f) {
            return f.value() != 0.0;
        } else if (v instanceof PyStr s) {
            return !s.value().isEmpty();
        } else if (v instanceof PyDict d) {
            return !d.entries().isEmpty();
        } else if (v instanceof PyList l) {
            return !l.items().isEmpty();
        } else if (v instanceof PyObject) {
            return true;
        } else if (v instanceof PyChoice c && depth <= MAX_DEPTH) {
            Boolean a = truthy(c.whenTrue(), depth + 1);
            Boolean b = truthy(c.whenFalse(), depth + 1);
            return a != null && a.equals(b) ? a : null;
        }
        return null;
    }

    /** Why a value is not known: the reason of the first unknown alternative. */
    static String reasonOf(PyValue v) {
        PyValue x = v;
        for (int i = 0; i < MAX_DEPTH && x instanceof PyChoice c; i++) {
            x = firstUnknown(c.whenTrue()) != null ? c.whenTrue() : c.whenFalse();
        }
        if (x instanceof PyUnknown u) {
            return u.reason();
        }
        if (v instanceof PyChoice c) {
            return "it depends on `" + c.condition() + "`, which is not known";
        }
        return "it is not known";
    }

    private static PyUnknown firstUnknown(PyValue v) {
        PyValue x = v;
        for (int i = 0; i < MAX_DEPTH; i++) {
            if (x instanceof PyUnknown u) {
                return u;
            }
            if (!(x instanceof PyChoice c)) {
                return null;
            }
            x = c.whenTrue() instanceof PyUnknown || c.whenTrue() instanceof PyChoice ? c.whenTrue() : c.whenFalse();
        }
        return null;
    }

    static boolean isKnownScalar(PyValue v) {
        return v instanceof PyNone || v instanceof PyBool || v instanceof PyInt || v instanceof PyFloat || v instanceof PyStr;
    }

    /** A dict key as {@link PyDict} keeps it: strings as themselves, other known scalars by repr. */
    static String keyOf(PyValue key) {
        if (key instanceof PyStr s) {
            return s.value();
        } else if (key instanceof PyInt i) {
            return Long.toString(i.value());
        } else if (key instanceof PyBool b) {
            return b.value() ? "True" : "False";
        } else if (key instanceof PyNone) {
            return "None";
        } else if (key instanceof PyFloat f) {
            return floatRepr(f.value());
        } else if (key instanceof PyList l && l.tuple()) {
            return allKnown(l) ? repr(l) : null;
        }
        return null;
    }

    private static boolean allKnown(PyList l) {
        for (PyValue item : l.items()) {
            if (!isKnownScalar(item)) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code str(x)}, or null when it cannot be known. */
    static String str(PyValue v) {
        if (v instanceof PyStr s) {
            return s.value();
        }
        if (v instanceof PyUnknown || v instanceof PyChoice || v instanceof PyObject) {
            return null;
        }
        return repr(v);
    }

    /** Python's {@code repr(x)} of a known value, bounded in length. */
    static String repr(PyValue v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb, 0, new IdentityHashMap<>());
        return sb.length() > MAX_STRING ? sb.substring(0, MAX_STRING) : sb.toString();
    }

    private static void repr(PyValue v, StringBuilder sb, int depth, Map<Object, Boolean> open) {
        if (sb.length() > MAX_STRING || depth > MAX_DEPTH) {
            sb.append("...");
            return;
        }
        Budget.charge(1);
        if (v instanceof PyNone) {
            sb.append("None");
        } else if (v instanceof PyBool b) {
            sb.append(b.value() ? "True" : "False");
        } else if (v instanceof PyInt i) {
            sb.append(i.value());
        } else if (v instanceof PyFloat f) {
            sb.append(floatRepr(f.value()));
        } else if (v instanceof PyStr s) {
            sb.append(strRepr(s.value()));
        } else if (v instanceof PyDict d) {
            {
                if (open.put(d, true) != null) {
                    sb.append("{...}");
                    return;
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, PyValue> e : d.entries().entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    sb.append(strRepr(e.getKey())).append(": ");
                    repr(e.getValue(), sb, depth + 1, open);
                    if (sb.length() > MAX_STRING) {
                        break;
                    }
                }
                sb.append('}');
                open.remove(d);
            }
        } else if (v instanceof PyList l) {
            {
                if (open.put(l, true) != null) {
                    sb.append("[...]");
                    return;
                }
                sb.append(l.tuple() ? '(' : '[');
                for (int i = 0; i < l.items().size() && sb.length() <= MAX_STRING; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    repr(l.items().get(i), sb, depth + 1, open);
                }
                if (l.tuple() && l.items().size() == 1) {
                    sb.append(',');
                }
                sb.append(l.tuple() ? ')' : ']');
                open.remove(l);
            }
        } else if (v instanceof PyUnknown u) {
            sb.append("<unknown: ").append(u.reason()).append('>');
        } else if (v instanceof PyChoice c) {
            sb.append("<either ");
            repr(c.whenTrue(), sb, depth + 1, open);
            sb.append(" or ");
            repr(c.whenFalse(), sb, depth + 1, open);
            sb.append(" depending on `").append(c.condition()).append("`>");
        } else if (v instanceof PyObject o) {
            sb.append('<').append(o.kind()).append('>');
        }
    }

    static String strRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    /** Python's repr of a float: shortest digits, exponent form outside [1e-4, 1e16). */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        String plain = exact.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    // ---- lifting over alternatives ----

    /** Applies {@code f} to each alternative of a {@link PyChoice}, keeping the choice's shape. */
    static PyValue lift(PyValue v, Function<PyValue, PyValue> f) {
        return lift(v, f, 0);
    }

    private static PyValue lift(PyValue v, Function<PyValue, PyValue> f, int depth) {
        if (v instanceof PyChoice c) {
            if (depth > MAX_DEPTH) {
                return new PyUnknown("too many alternatives", c.at());
            }
            return choice(c.condition(), lift(c.whenTrue(), f, depth + 1), lift(c.whenFalse(), f, depth + 1), c.at());
        }
        return f.apply(v);
    }

    static PyValue lift2(PyValue a, PyValue b, BiFunction<PyValue, PyValue, PyValue> f) {
        return lift(a, x -> lift(b, y -> f.apply(x, y)));
    }

    /** A choice, or the value itself when both sides are the same; unknown past the alternatives limit. */
    static PyValue choice(String condition, PyValue whenTrue, PyValue whenFalse, SourceLocation at) {
        if (whenTrue == whenFalse || sameScalar(whenTrue, whenFalse)) {
            return whenTrue;
        }
        if (alternatives(whenTrue, 0) + alternatives(whenFalse, 0) > MAX_ALTERNATIVES) {
            return new PyUnknown("more than " + MAX_ALTERNATIVES + " alternatives from conditions that are not known",
                    at);
        }
        return new PyChoice(condition, whenTrue, whenFalse, at);
    }

    private static int alternatives(PyValue v, int depth) {
        if (v instanceof PyChoice c) {
            return depth > MAX_DEPTH ? MAX_ALTERNATIVES + 1
                    : alternatives(c.whenTrue(), depth + 1) + alternatives(c.whenFalse(), depth + 1);
        }
        return 1;
    }

    /** The alternatives of a value, flattened (the value itself when it is not a choice). */
    static List<PyValue> alternativesOf(PyValue v) {
        List<PyValue> out = new ArrayList<>();
        flatten(v, out, 0);
        return out;
    }

    private static void flatten(PyValue v, List<PyValue> out, int depth) {
        if (v instanceof PyChoice c && depth <= MAX_DEPTH) {
            flatten(c.whenTrue(), out, depth + 1);
            flatten(c.whenFalse(), out, depth + 1);
        } else {
            out.add(v);
        }
    }

    static boolean sameScalar(PyValue a, PyValue b) {
        if (a instanceof PyNone && b instanceof PyNone) {
            return true;
        }
        if (a instanceof PyBool x && b instanceof PyBool y) {
            return x.value() == y.value();
        }
        if (a instanceof PyInt x && b instanceof PyInt y) {
            return x.value() == y.value();
        }
        if (a instanceof PyFloat x && b instanceof PyFloat y) {
            return Double.compare(x.value(), y.value()) == 0;
        }
        if (a instanceof PyStr x && b instanceof PyStr y) {
            return x.value().equals(y.value());
        }
        if (a instanceof PyUnknown x && b instanceof PyUnknown y) {
            return x.reason().equals(y.reason());
        }
        return false;
    }

    // ---- equality and ordering ----

    /** Python's {@code a == b}, or null when it is not known. */
    static Boolean equal(PyValue a, PyValue b) {
        return equal(a, b, 0);
    }

    private static Boolean equal(PyValue a, PyValue b, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        Budget.charge(1);
        if (a instanceof PyChoice || b instanceof PyChoice) {
            List<PyValue> as = alternativesOf(a);
            List<PyValue> bs = alternativesOf(b);
            Boolean result = null;
            boolean first = true;
            for (PyValue x : as) {
                for (PyValue y : bs) {
                    Boolean r = equal(x, y, depth + 1);
                    if (r == null || (!first && !r.equals(result))) {
                        return null;
                    }
                    result = r;
                    first = false;
                }
            }
            return result;
        }
        if (a instanceof PyUnknown || b instanceof PyUnknown) {
            return null;
        }
        if (a == b) {
            return true;
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof PyFloat || b instanceof PyFloat) {
                return asDouble(a) == asDouble(b);
            }
            return asLong(a) == asLong(b);
        }
        if (a instanceof PyNone || b instanceof PyNone) {
            return a instanceof PyNone && b instanceof PyNone;
        }
        if (a instanceof PyStr x && b instanceof PyStr y) {
            return x.value().equals(y.value());
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            if (x.tuple() != y.tuple() || x.items().size() != y.items().size()) {
                return false;
            }
            boolean unknown = false;
            for (int i = 0; i < x.items().size(); i++) {
                Boolean r = equal(x.items().get(i), y.items().get(i), depth + 1);
                if (r == null) {
                    unknown = true;
                } else if (!r) {
                    return false;
                }
            }
            return unknown ? null : true;
        }
        if (a instanceof PyDict x && b instanceof PyDict y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) {
                return false;
            }
            boolean unknown = false;
            for (Map.Entry<String, PyValue> e : x.entries().entrySet()) {
                Boolean r = equal(e.getValue(), y.entries().get(e.getKey()), depth + 1);
                if (r == null) {
                    unknown = true;
                } else if (!r) {
                    return false;
                }
            }
            return unknown ? null : true;
        }
        if (a instanceof PyObject || b instanceof PyObject) {
            return a instanceof PyObject && b instanceof PyObject ? null : false;
        }
        return false;
    }

    /** Python's ordering of two known values: negative, zero, positive; null when unknown or a TypeError. */
    static Integer compare(PyValue a, PyValue b) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof PyFloat || b instanceof PyFloat) {
                double x = asDouble(a);
                double y = asDouble(b);
                return Double.isNaN(x) || Double.isNaN(y) ? null : Double.compare(x, y);
            }
            return Long.compare(asLong(a), asLong(b));
        }
        if (a instanceof PyStr x && b instanceof PyStr y) {
            return compareCodePoints(x.value(), y.value());
        }
        return null;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static boolean isNumber(PyValue v) {
        return v instanceof PyInt || v instanceof PyFloat || v instanceof PyBool;
    }

    static long asLong(PyValue v) {
        if (v instanceof PyInt i) {
            return i.value();
        }
        return v instanceof PyBool b && b.value() ? 1 : 0;
    }

    static double asDouble(PyValue v) {
        if (v instanceof PyFloat f) {
            return f.value();
        } else if (v instanceof PyInt i) {
            return i.value();
        } else if (v instanceof PyBool b) {
            return b.value() ? 1 : 0;
        }
        return Double.NaN;
    }

    // ---- arithmetic ----

    /**
     * Python's binary operator on two values that are not choices; unknown operands, overflow
     * beyond 64 bits, and what would raise at run time give {@link PyUnknown}.
     */
    static PyValue binary(String op, PyValue a, PyValue b, String text, SourceLocation at) {
        if (a instanceof PyUnknown u) {
            return new PyUnknown(u.reason(), at);
        }
        if (b instanceof PyUnknown u) {
            return new PyUnknown(u.reason(), at);
        }
        if (isNumber(a) && isNumber(b)) {
            return arithmetic(op, a, b, text, at);
        }
        switch (op) {
            case "+" -> {
                if (a instanceof PyStr x && b instanceof PyStr y) {
                    Budget.charge(1 + (x.value().length() + (long) y.value().length()) / 16);
                    return string(x.value().length() + (long) y.value().length() > MAX_STRING ? null : x.value() + y.value(), at);
                }
                if (a instanceof PyList x && b instanceof PyList y && x.tuple() == y.tuple()) {
                    if (x.items().size() + (long) y.items().size() > MAX_ITEMS) {
                        return tooLong(at);
                    }
                    Budget.charge(1 + x.items().size() + y.items().size());
                    List<PyValue> items = new ArrayList<>(x.items());
                    items.addAll(y.items());
                    return new PyList(items, x.tuple(), at);
                }
            }
            case "*" -> {
                if (a instanceof PyStr || a instanceof PyList) {
                    return repeat(a, b, at);
                }
                if (b instanceof PyStr || b instanceof PyList) {
                    return repeat(b, a, at);
                }
            }
            case "%" -> {
                if (a instanceof PyStr x) {
                    return Formats.percent(x.value(), b, text, at);
                }
            }
            case "|" -> {
                if (a instanceof PyDict x && b instanceof PyDict y) {
                    Budget.charge(1 + x.entries().size() + y.entries().size());
                    LinkedHashMap<String, PyValue> entries = new LinkedHashMap<>(x.entries());
                    entries.putAll(y.entries());
                    return new PyDict(entries, at);
                }
            }
            default -> {
            }
        }
        if (a instanceof PyObject || b instanceof PyObject) {
            return new PyUnknown("`" + text + "` is not evaluated", at);
        }
        return new PyUnknown("`" + text + "` raises TypeError (unsupported operand types)", at);
    }

    private static PyValue repeat(PyValue sequence, PyValue count, SourceLocation at) {
        if (!(count instanceof PyInt || count instanceof PyBool)) {
            return new PyUnknown("a sequence can only be repeated by an integer", at);
        }
        long n = Math.max(0, asLong(count));
        if (sequence instanceof PyStr s) {
            if (n * (long) s.value().length() > MAX_STRING || (s.value().length() > 0 && n > MAX_STRING)) {
                return tooLong(at);
            }
            Budget.charge(1 + n * s.value().length() / 16);
            return new PyStr(s.value().repeat((int) n), at);
        }
        PyList l = (PyList) sequence;
        if (n * (long) l.items().size() > MAX_ITEMS || (!l.items().isEmpty() && n > MAX_ITEMS)) {
            return tooLong(at);
        }
        Budget.charge(1 + n * l.items().size());
        List<PyValue> items = new ArrayList<>();
        for (long i = 0; i < n && !l.items().isEmpty(); i++) {
            items.addAll(l.items());
        }
        return new PyList(items, l.tuple(), at);
    }

    static PyValue string(String value, SourceLocation at) {
        return value == null || value.length() > MAX_STRING ? tooLong(at) : new PyStr(value, at);
    }

    static PyUnknown tooLong(SourceLocation at) {
        return new PyUnknown("the value would be longer than connlint follows (" + MAX_STRING + " characters or "
                + MAX_ITEMS + " items)", at);
    }

    private static PyValue arithmetic(String op, PyValue a, PyValue b, String text, SourceLocation at) {
        boolean floats = a instanceof PyFloat || b instanceof PyFloat;
        try {
            if (!floats) {
                long x = asLong(a);
                long y = asLong(b);
                return switch (op) {
                    case "+" -> new PyInt(Math.addExact(x, y), at);
                    case "-" -> new PyInt(Math.subtractExact(x, y), at);
                    case "*" -> new PyInt(Math.multiplyExact(x, y), at);
                    case "/" -> y == 0 ? zeroDivision(text, at) : new PyFloat((double) x / y, at);
                    case "//" -> y == 0 ? zeroDivision(text, at)
                            : x == Long.MIN_VALUE && y == -1 ? overflow(text, at) : new PyInt(Math.floorDiv(x, y), at);
                    case "%" -> y == 0 ? zeroDivision(text, at) : new PyInt(Math.floorMod(x, y), at);
                    case "**" -> y < 0 ? (x == 0 ? zeroDivision(text, at) : new PyFloat(Math.pow(x, y), at)) : power(x, y, text, at);
                    case "<<" -> y < 0 ? new PyUnknown("`" + text + "` raises ValueError (negative shift count)", at)
                            : shiftLeft(x, y, text, at);
                    case ">>" -> y < 0 ? new PyUnknown("`" + text + "` raises ValueError (negative shift count)", at)
                            : new PyInt(y >= 64 ? (x < 0 ? -1 : 0) : x >> y, at);
                    case "&" -> bitwise(a, b, x & y, at);
                    case "|" -> bitwise(a, b, x | y, at);
                    case "^" -> bitwise(a, b, x ^ y, at);
                    default -> new PyUnknown("`" + text + "` is not evaluated", at);
                };
            }
            double x = asDouble(a);
            double y = asDouble(b);
            return switch (op) {
                case "+" -> new PyFloat(x + y, at);
                case "-" -> new PyFloat(x - y, at);
                case "*" -> new PyFloat(x * y, at);
                case "/" -> y == 0 ? zeroDivision(text, at) : new PyFloat(x / y, at);
                case "//" -> y == 0 ? zeroDivision(text, at) : new PyFloat(Math.floor(x / y), at);
                case "%" -> {
                    if (y == 0) {
                        yield zeroDivision(text, at);
                    }
                    double m = x % y;
                    yield new PyFloat(m != 0 && (m < 0) != (y < 0) ? m + y : m, at);
                }
                case "**" -> {
                    if (x < 0 && y != Math.rint(y)) {
                        yield new PyUnknown("`" + text + "` is a complex number, which is not modelled", at);
                    }
                    if (x == 0 && y < 0) {
                        yield zeroDivision(text, at);
                    }
                    yield new PyFloat(Math.pow(x, y), at);
                }
                default -> new PyUnknown("`" + text + "` raises TypeError (unsupported operand types)", at);
            };
        } catch (ArithmeticException e) {
            return overflow(text, at);
        }
    }

    private static PyValue bitwise(PyValue a, PyValue b, long result, SourceLocation at) {
        return a instanceof PyBool && b instanceof PyBool ? new PyBool(result != 0, at) : new PyInt(result, at);
    }

    private static PyValue power(long base, long exponent, String text, SourceLocation at) {
        if (base == 0 || base == 1) {
            return new PyInt(exponent == 0 ? 1 : base, at);
        }
        if (base == -1) {
            return new PyInt(exponent % 2 == 0 ? 1 : -1, at);
        }
        if (exponent > 64) {
            return overflow(text, at);
        }
        long result = 1;
        for (long i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, base);
        }
        return new PyInt(result, at);
    }

    private static PyValue shiftLeft(long x, long y, String text, SourceLocation at) {
        if (x == 0) {
            return new PyInt(0, at);
        }
        if (y >= 63 || Long.numberOfLeadingZeros(Math.abs(x)) <= y + 1) {
            return overflow(text, at);
        }
        return new PyInt(x << y, at);
    }

    private static PyUnknown zeroDivision(String text, SourceLocation at) {
        return new PyUnknown("`" + text + "` raises ZeroDivisionError", at);
    }

    private static PyUnknown overflow(String text, SourceLocation at) {
        return new PyUnknown("`" + text + "` is an integer beyond 64 bits, which connlint does not model", at);
    }

    // ---- copies and merges for branches ----

    /** A copy of everything mutable reachable from the values, sharing what is shared. */
    static final class Copier {
        private final IdentityHashMap<Object, Object> memo = new IdentityHashMap<>();
        private final Budget budget;

        Copier(Budget budget) {
            this.budget = budget;
        }

        @SuppressWarnings("unchecked")
        <M extends Map<String, PyValue>> LinkedHashMap<String, PyValue> copyMap(M map, int depth) {
            Object seen = memo.get(map);
            if (seen != null) {
                return (LinkedHashMap<String, PyValue>) seen;
            }
            LinkedHashMap<String, PyValue> copy = new LinkedHashMap<>();
            memo.put(map, copy);
            budget.spend(1 + map.size());
            for (Map.Entry<String, PyValue> e : map.entrySet()) {
                copy.put(e.getKey(), copy(e.getValue(), depth + 1));
            }
            return copy;
        }

        PyValue copy(PyValue v, int depth) {
            if (depth > MAX_DEPTH) {
                return v;
            }
            Object seen = memo.get(v);
            if (seen != null) {
                return (PyValue) seen;
            }
            if (v instanceof PyDict d) {
                {
                    PyDict copy = new PyDict(new LinkedHashMap<>(), d.at());
                    memo.put(d, copy);
                    budget.spend(1 + d.entries().size());
                    for (Map.Entry<String, PyValue> e : d.entries().entrySet()) {
                        copy.entries().put(e.getKey(), copy(e.getValue(), depth + 1));
                    }
                    return copy;
                }
            } else if (v instanceof PyList l) {
                {
                    PyList copy = new PyList(new ArrayList<>(), l.tuple(), l.at());
                    memo.put(l, copy);
                    budget.spend(1 + l.items().size());
                    for (PyValue item : l.items()) {
                        copy.items().add(copy(item, depth + 1));
                    }
                    return copy;
                }
            } else if (v instanceof PyChoice c) {
                {
                    PyChoice copy = new PyChoice(c.condition(), copy(c.whenTrue(), depth + 1), copy(c.whenFalse(), depth + 1), c.at());
                    memo.put(c, copy);
                    return copy;
                }
            } else if (v instanceof PyObject o && o.attributes() instanceof LinkedHashMap<String, PyValue> attributes) {
                PyObject copy = new PyObject(o.kind(), new LinkedHashMap<>(), o.at());
                memo.put(o, copy);
                copy.attributes().putAll(copyMap(attributes, depth + 1));
                return copy;
            }
            return v;
        }
    }

    /**
     * Merges the value a name has after the then-branch with its value after the else-branch.
     * Containers with the same keys (or length) are merged in place, so that every reference to
     * them sees the merge; other differences become a {@link PyChoice}.
     */
    static final class Merger {
        private final String condition;
        private final SourceLocation at;
        private final Budget budget;
        private final IdentityHashMap<PyValue, IdentityHashMap<PyValue, PyValue>> memo = new IdentityHashMap<>();

        Merger(String condition, SourceLocation at, Budget budget) {
            this.condition = condition;
            this.at = at;
            this.budget = budget;
        }

        PyValue merge(PyValue t, PyValue e, int depth) {
            if (t == e || sameScalar(t, e)) {
                return t;
            }
            IdentityHashMap<PyValue, PyValue> row = memo.computeIfAbsent(t, k -> new IdentityHashMap<>());
            PyValue done = row.get(e);
            if (done != null) {
                return done;
            }
            if (depth > MAX_DEPTH) {
                return choice(condition, t, e, at);
            }
            budget.spend(1);
            if (t instanceof PyDict td && e instanceof PyDict ed && td.entries().keySet().equals(ed.entries().keySet())) {
                row.put(e, t);
                for (Map.Entry<String, PyValue> entry : td.entries().entrySet()) {
                    PyValue merged = merge(entry.getValue(), ed.entries().get(entry.getKey()), depth + 1);
                    if (merged != entry.getValue()) {
                        entry.setValue(merged);
                    }
                }
                return t;
            }
            if (t instanceof PyList tl && e instanceof PyList el && tl.tuple() == el.tuple()
                    && tl.items().size() == el.items().size() && tl.items() instanceof ArrayList) {
                row.put(e, t);
                for (int i = 0; i < tl.items().size(); i++) {
                    PyValue merged = merge(tl.items().get(i), el.items().get(i), depth + 1);
                    if (merged != tl.items().get(i)) {
                        tl.items().set(i, merged);
                    }
                }
                return t;
            }
            if (t instanceof PyChoice tc && e instanceof PyChoice ec && tc.condition().equals(ec.condition())) {
                // The copy of an unchanged choice merges back into the original.
                PyValue whenTrue = merge(tc.whenTrue(), ec.whenTrue(), depth + 1);
                PyValue whenFalse = merge(tc.whenFalse(), ec.whenFalse(), depth + 1);
                PyValue result = whenTrue == tc.whenTrue() && whenFalse == tc.whenFalse() ? t
                        : choice(tc.condition(), whenTrue, whenFalse, tc.at());
                row.put(e, result);
                return result;
            }
            if (t instanceof PyObject to && e instanceof PyObject eo && to.kind().equals(eo.kind())
                    && to.attributes() instanceof LinkedHashMap && to.attributes().keySet().equals(eo.attributes().keySet())) {
                row.put(e, t);
                for (Map.Entry<String, PyValue> entry : to.attributes().entrySet()) {
                    PyValue merged = merge(entry.getValue(), eo.attributes().get(entry.getKey()), depth + 1);
                    if (merged != entry.getValue()) {
                        entry.setValue(merged);
                    }
                }
                return t;
            }
            PyValue result = choice(condition, t, e, at);
            row.put(e, result);
            return result;
        }
    }

    /** Whether {@code container} is reachable from {@code value} (which would make a cycle). */
    static boolean reaches(PyValue value, PyValue container) {
        return reaches(value, container, new IdentityHashMap<>(), 0);
    }

    private static boolean reaches(PyValue value, PyValue container, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (value == container) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return true;
        }
        if (seen.put(value, true) != null) {
            return false;
        }
        Budget.charge(1);
        if (value instanceof PyDict d) {
            return d.entries().values().stream().anyMatch(v -> reaches(v, container, seen, depth + 1));
        } else if (value instanceof PyList l) {
            return l.items().stream().anyMatch(v -> reaches(v, container, seen, depth + 1));
        } else if (value instanceof PyChoice c) {
            return reaches(c.whenTrue(), container, seen, depth + 1) || reaches(c.whenFalse(), container, seen, depth + 1);
        } else if (value instanceof PyObject o) {
            return o.attributes().values().stream().anyMatch(v -> reaches(v, container, seen, depth + 1));
        }
        return false;
    }

    /** Bounded rendering for {@code toString()} of the records. */
    static String describe(PyValue v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb, MAX_DEPTH - 20, new IdentityHashMap<>());
        return sb.length() > 2000 ? sb.substring(0, 2000) + "…" : sb.toString();
    }
}
