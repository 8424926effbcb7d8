package io.connlint.core.read.python;

import io.connlint.core.model.SourceLocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a Python settings module as connlint reads it statically — never by running it.
 * Every value knows where the expression that produced it stands. What cannot be known statically
 * is a {@link PyUnknown} with the reason; a name assigned differently in the branches of an
 * {@code if} whose condition is unknown is a {@link PyChoice}. Dicts and lists are mutable, as in
 * Python, so that {@code DATABASES["default"]["CONN_MAX_AGE"] = 60} and {@code .update(...)}
 * change every reference to them.
 *
 * <p>Where a value stands: a literal at the literal; a value taken from the environment at the
 * expression that read it ({@code os.environ.get(...)}); a default the environment did not
 * override at the default; {@code int(x)} and the other conversions where {@code x} stands; the
 * result of an operator at the operator's left operand; a {@link PyChoice} at the condition. A
 * {@link PyChoice} or {@link PyUnknown} may stand anywhere a value can, including inside dicts
 * ({@code DATABASES["default"]} itself may be a choice between two dicts when the branches gave
 * it different keys).
 */
public sealed interface PyValue {

    /** Where the expression that produced this value stands. */
    SourceLocation at();

    /** {@code None}. */
    record PyNone(SourceLocation at) implements PyValue {
    }

    record PyBool(boolean value, SourceLocation at) implements PyValue {
    }

    record PyInt(long value, SourceLocation at) implements PyValue {
    }

    record PyFloat(double value, SourceLocation at) implements PyValue {
    }

    record PyStr(String value, SourceLocation at) implements PyValue {
    }

    /**
     * A dict; keys that are not strings are kept by their repr ({@code 1}, {@code None}), and a key
     * that is not known by its source text in angle brackets ({@code <messages.DEBUG>}).
     */
    record PyDict(LinkedHashMap<String, PyValue> entries, SourceLocation at) implements PyValue {
        public static PyDict empty(SourceLocation at) {
            return new PyDict(new LinkedHashMap<>(), at);
        }

        /** Python's repr, bounded in depth and length. */
        @Override
        public String toString() {
            return Values.describe(this);
        }
    }

    /** A list or a tuple. */
    record PyList(List<PyValue> items, boolean tuple, SourceLocation at) implements PyValue {
        /** Python's repr, bounded in depth and length. */
        @Override
        public String toString() {
            return Values.describe(this);
        }
    }

    /**
     * What cannot be known statically.
     *
     * @param reason plain words: "environment variable DATABASE_URL has no value or default",
     *               "f-strings are not evaluated", "multiprocessing.cpu_count() depends on the host"
     */
    record PyUnknown(String reason, SourceLocation at) implements PyValue {
    }

    /**
     * Either of two values, from {@code if}/{@code else} branches (or a conditional expression)
     * whose condition is unknown.
     *
     * @param condition the condition's source text, e.g. {@code IS_HEROKU_APP}
     */
    record PyChoice(String condition, PyValue whenTrue, PyValue whenFalse, SourceLocation at) implements PyValue {
        /** Bounded in depth and length. */
        @Override
        public String toString() {
            return Values.describe(this);
        }
    }

    /**
     * Anything else with attributes: a module ({@code os}, {@code dj_database_url}), an
     * {@code environ.Env} instance, a function or class defined in the file.
     *
     * @param kind what it is: {@code module os} (a module of the project has its namespace as
     *             attributes), {@code environ.Env} (attribute {@code scheme}: the keyword arguments
     *             of {@code environ.Env(...)}), {@code function} or {@code class} (defined in the
     *             file; not evaluated), {@code builtin int} and the like, {@code os.environ},
     *             {@code method update} (a bound method; attribute {@code self})
     */
    record PyObject(String kind, Map<String, PyValue> attributes, SourceLocation at) implements PyValue {
        /** The kind only: a module's attributes are its whole namespace. */
        @Override
        public String toString() {
            return "<" + kind + ">";
        }
    }
}
