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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What calls, attributes and subscripts mean: the builtins, {@code os.environ}, {@code os.getenv},
 * {@code os.path}, the methods of str, dict and list, dj-database-url, django-environ and
 * python-decouple, each as the library's source defines it. Everything else is unknown with a
 * reason naming the call; nothing is ever run.
 */
final class Calls {

    /** Modules connlint models (or knows to refuse), resolved before the project's own. */
    private static final Set<String> NATIVE_MODULES = Set.of("os", "os.path", "posixpath", "multiprocessing",
            "dj_database_url", "environ", "decouple", "pathlib", "sys", "typing", "subprocess", "shutil", "socket");

    private static final Set<String> BUILTINS = Set.of("int", "float", "bool", "str", "len", "list", "tuple", "dict",
            "set", "frozenset", "print", "open", "exec", "eval", "compile", "__import__", "getattr", "setattr", "delattr",
            "hasattr", "isinstance", "issubclass", "min", "max", "abs", "round", "sorted", "reversed", "range",
            "enumerate", "zip", "map", "filter", "repr", "type", "input", "globals", "locals", "vars", "any", "all",
            "sum", "id", "hash", "iter", "next", "object", "super", "property", "staticmethod", "classmethod",
            "format", "chr", "ord", "hex", "oct", "bin", "divmod", "pow", "callable", "breakpoint", "exit", "quit",
            "bytes", "bytearray", "complex", "memoryview", "Exception", "BaseException", "ImportError",
            "ModuleNotFoundError", "KeyError", "ValueError", "TypeError", "AttributeError", "RuntimeError",
            "NotImplementedError", "OSError", "IOError", "Warning", "DeprecationWarning", "UserWarning");

    /** Builtins whose only use in settings would be to run something; never modelled. */
    private static final Set<String> RUNNERS = Set.of("open", "exec", "eval", "compile", "__import__", "getattr",
            "setattr", "delattr", "input", "globals", "locals", "vars", "breakpoint", "exit", "quit");

    /** environ.Env.BOOLEAN_TRUE_STRINGS. */
    private static final Set<String> ENVIRON_TRUE = Set.of("true", "on", "ok", "y", "yes", "1");
    /** decouple.Config._BOOLEANS. */
    private static final Map<String, Boolean> DECOUPLE_BOOLEANS = Map.of("1", true, "yes", true, "true", true, "on", true,
            "0", false, "no", false, "false", false, "off", false, "", false);


    /** A call's arguments, with the call's text and location for reasons. */
    record Args(List<PyValue> positional, Map<String, PyValue> keywords, String text, SourceLocation at) {
        /** The argument at {@code index} or named {@code name}; null when not given. */
        PyValue get(int index, String name) {
            if (index >= 0 && index < positional.size()) {
                return positional.get(index);
            }
            return keywords.get(name);
        }
    }

    private final Evaluator ev;

    Calls(Evaluator ev) {
        this.ev = ev;
    }

    static boolean isNativeModule(String dotted) {
        return dotted != null && NATIVE_MODULES.contains(dotted);
    }

    static PyValue builtin(String name, SourceLocation at) {
        return BUILTINS.contains(name) ? new PyObject("builtin " + name, Map.of(), at) : null;
    }

    private static PyUnknown unknown(String reason, SourceLocation at) {
        return new PyUnknown(reason, at);
    }

    private static PyUnknown notEvaluated(Args a) {
        return unknown("`" + a.text() + "` is not evaluated", a.at());
    }

    // ---- attributes ----

    PyValue moduleAttribute(String module, String name, SourceLocation at) {
        String qualified = module + "." + name;
        return switch (qualified) {
            case "os.environ" -> new PyObject("os.environ", Map.of(), at);
            case "os.path" -> new PyObject("module os.path", Map.of(), at);
            case "os.sep", "os.path.sep" -> new PyStr("/", at);
            case "environ.Env", "environ.FileAwareEnv" -> new PyObject("class environ.Env", Map.of(), at);
            case "dj_database_url.DEFAULT_ENV" -> new PyStr("DATABASE_URL", at);
            case "typing.TYPE_CHECKING" -> new PyBool(false, at);
            case "sys.argv" -> unknown("sys.argv is only known when the process runs", at);
            case "sys.platform" -> unknown("sys.platform depends on the host", at);
            default -> new PyObject("builtin " + (module.equals("posixpath") ? "os.path." + name : qualified), Map.of(), at);
        };
    }

    PyValue attribute(PyValue object, String name, String text, SourceLocation at) {
        return Values.lift(object, o -> attributeOf(o, name, text, at));
    }

    private PyValue attributeOf(PyValue o, String name, String text, SourceLocation at) {
        if (o instanceof PyUnknown u) {
            return unknown(u.reason(), at);
        } else if (o instanceof PyObject obj) {
            String kind = obj.kind();
            if (kind.startsWith("module ")) {
                String module = kind.substring("module ".length());
                if (obj.attributes() instanceof LinkedHashMap) {
                    PyValue v = obj.attributes().get(name);
                    return v != null ? v : unknown("`" + name + "` is not defined in module " + module, at);
                }
                if (isNativeModule(module)) {
                    return moduleAttribute(module, name, at);
                }
                return unknown("`" + text + "` comes from module " + module + ", which connlint does not read", at);
            }
            if (kind.equals("environ.Env") && obj.attributes().containsKey(name) && !name.equals("scheme")) {
                return obj.attributes().get(name);
            }
            if (kind.equals("environ.Env") || kind.equals("class environ.Env") || kind.equals("os.environ")) {
                return new PyObject("method " + name, Map.of("self", obj), at);
            }
            return unknown("`" + text + "` is not modelled (an attribute of " + kind + ")", at);
        } else if (o instanceof PyStr s) {
            return new PyObject("method " + name, Map.of("self", s), at);
        } else if (o instanceof PyDict d) {
            return new PyObject("method " + name, Map.of("self", d), at);
        } else if (o instanceof PyList l) {
            return new PyObject("method " + name, Map.of("self", l), at);
        } else {
            return unknown("`" + text + "` is not modelled", at);
        }
    }

    // ---- subscripts ----

    PyValue item(PyValue o, PyValue key, String text, SourceLocation at) {
        if (o instanceof PyUnknown u) {
            return unknown(u.reason(), at);
        }
        if (key instanceof PyUnknown u && !(o instanceof PyObject)) {
            return unknown(u.reason(), at);
        }
        if (o instanceof PyDict d) {
            String k = Values.keyOf(key);
            if (k == null) {
                return unknown("`" + text + "`: the key is not known", at);
            }
            PyValue v = d.entries().get(k);
            return v != null ? v : unknown("`" + text + "` raises KeyError (" + Values.strRepr(k) + " is not in the dict)", at);
        } else if (o instanceof PyList l) {
            Integer i = Evaluator.index(key, l.items().size());
            return i != null ? l.items().get(i) : unknown("`" + text + "` raises IndexError or TypeError", at);
        } else if (o instanceof PyStr s) {
            int[] cps = s.value().codePoints().toArray();
            Integer i = Evaluator.index(key, cps.length);
            return i != null ? new PyStr(new String(Character.toChars(cps[i])), at)
                    : unknown("`" + text + "` raises IndexError or TypeError", at);
        } else if (o instanceof PyObject obj && obj.kind().equals("os.environ")) {
            if (!(key instanceof PyStr k)) {
                return unknown("`" + text + "`: the variable's name is not known", at);
            }
            return environGet(k.value(), null, at);
        } else {
            return unknown("`" + text + "` is not modelled", at);
        }
    }

    static PyValue slice(PyValue o, PyValue lower, PyValue upper, PyValue step, String text, SourceLocation at) {
        if (o instanceof PyUnknown u) {
            return unknown(u.reason(), at);
        }
        if (!(step instanceof PyNone) || !(o instanceof PyStr || o instanceof PyList)) {
            return unknown("`" + text + "` is not modelled", at);
        }
        int size = o instanceof PyStr s ? s.value().codePointCount(0, s.value().length()) : ((PyList) o).items().size();
        Budget.charge(1 + size);
        Integer from = bound(lower, size, 0);
        Integer to = bound(upper, size, size);
        if (from == null || to == null) {
            return unknown("`" + text + "`: the bounds are not known", at);
        }
        if (to < from) {
            to = from;
        }
        if (o instanceof PyStr s) {
            int[] cps = s.value().codePoints().toArray();
            return new PyStr(new String(cps, from, to - from), at);
        }
        PyList l = (PyList) o;
        return new PyList(new ArrayList<>(l.items().subList(from, to)), l.tuple(), at);
    }

    private static Integer bound(PyValue v, int size, int absent) {
        if (v instanceof PyNone) {
            return absent;
        }
        if (!(v instanceof PyInt || v instanceof PyBool)) {
            return null;
        }
        long i = Values.asLong(v);
        if (i < 0) {
            i += size;
        }
        return (int) Math.max(0, Math.min(size, i));
    }

    /** The items a {@code for} would take from a value, or null when they are not known. */
    static List<PyValue> iterate(PyValue v) {
        Budget.charge(1 + (v instanceof PyList l ? l.items().size() : v instanceof PyDict d ? d.entries().size()
                : v instanceof PyStr s ? s.value().length() : 0));
        if (v instanceof PyList l) {
            return new ArrayList<>(l.items());
        } else if (v instanceof PyStr s) {
            List<PyValue> out = new ArrayList<>();
            s.value().codePoints().forEach(cp -> out.add(new PyStr(new String(Character.toChars(cp)), s.at())));
            return out;
        } else if (v instanceof PyDict d) {
            List<PyValue> out = new ArrayList<>();
            d.entries().keySet().forEach(k -> out.add(new PyStr(k, d.at())));
            return out;
        } else {
            return null;
        }
    }

    // ---- comparisons ----

    PyValue compare(String op, PyValue x, PyValue y, String text, SourceLocation at) {
        return switch (op) {
            case "==", "!=" -> {
                Boolean eq = Values.equal(x, y);
                yield eq == null ? unknown(reason(x, y, text), at) : new PyBool(eq == op.equals("=="), at);
            }
            case "<", ">", "<=", ">=" -> {
                if (x instanceof PyUnknown || y instanceof PyUnknown) {
                    yield unknown(reason(x, y, text), at);
                }
                Integer c = Values.compare(x, y);
                if (c == null) {
                    yield unknown("`" + text + "` raises TypeError or compares values that are not modelled", at);
                }
                boolean r = switch (op) {
                    case "<" -> c < 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    default -> c >= 0;
                };
                yield new PyBool(r, at);
            }
            case "is", "is not" -> {
                Boolean same = identical(x, y);
                yield same == null ? unknown(reason(x, y, text), at) : new PyBool(same == op.equals("is"), at);
            }
            case "in", "not in" -> {
                PyValue r = contains(y, x, text, at);
                yield r instanceof PyBool b ? new PyBool(b.value() == op.equals("in"), at) : r;
            }
            default -> unknown("`" + text + "` is not modelled", at);
        };
    }

    private static String reason(PyValue x, PyValue y, String text) {
        if (x instanceof PyUnknown u) {
            return u.reason();
        }
        if (y instanceof PyUnknown u) {
            return u.reason();
        }
        return "`" + text + "` compares values that are not modelled";
    }

    private static Boolean identical(PyValue x, PyValue y) {
        if (x instanceof PyUnknown || y instanceof PyUnknown) {
            return null;
        }
        if (x instanceof PyNone || y instanceof PyNone) {
            return x instanceof PyNone && y instanceof PyNone;
        }
        if (x instanceof PyBool a && y instanceof PyBool b) {
            return a.value() == b.value();
        }
        if (x instanceof PyBool || y instanceof PyBool) {
            return Values.isKnownScalar(x) && Values.isKnownScalar(y) ? false : null;
        }
        return x == y ? Boolean.TRUE : null;
    }

    private PyValue contains(PyValue container, PyValue item, String text, SourceLocation at) {
        if (container instanceof PyUnknown u) {
            return unknown(u.reason(), at);
        } else if (container instanceof PyStr s) {
            if (item instanceof PyStr i) {
                return new PyBool(s.value().contains(i.value()), at);
            }
            return item instanceof PyUnknown u ? unknown(u.reason(), at)
                    : unknown("`" + text + "` raises TypeError", at);
        } else if (container instanceof PyList l) {
            boolean unknown = false;
            for (PyValue v : l.items()) {
                Boolean eq = Values.equal(item, v);
                if (Boolean.TRUE.equals(eq)) {
                    return new PyBool(true, at);
                }
                unknown |= eq == null;
            }
            return unknown ? unknown(reason(item, item, text), at) : new PyBool(false, at);
        } else if (container instanceof PyDict d) {
            String k = Values.keyOf(item);
            return k == null ? unknown(reason(item, item, text), at) : new PyBool(d.entries().containsKey(k), at);
        } else if (container instanceof PyObject o && (o.kind().equals("os.environ") || o.kind().equals("environ.Env"))) {
            if (!(item instanceof PyStr k)) {
                return unknown(reason(item, item, text), at);
            }
            PyValue v = ev.envLookup(k.value());
            if (v instanceof PyStr) {
                return new PyBool(true, at);
            }
            return unknown(v != null ? Values.reasonOf(v) : "whether environment variable " + k.value()
                    + " is set is not known (the app's env in connlint.yml does not set it)", at);
        } else {
            return unknown("`" + text + "` is not modelled", at);
        }
    }

    // ---- calls ----

    PyValue call(PyValue function, Args a) {
        if (function instanceof PyUnknown u) {
            return unknown(u.reason(), a.at());
        } else if (function instanceof PyObject o) {
            String kind = o.kind();
            if (kind.equals("function")) {
                return unknown("the result of `" + a.text() + "`, a function defined in the settings, is not evaluated", a.at());
            }
            if (kind.equals("class")) {
                return unknown("`" + a.text() + "` creates an instance of a class defined in the settings, which is"
                        + " not modelled", a.at());
            }
            if (kind.startsWith("method ")) {
                return method(o.attributes().get("self"), kind.substring("method ".length()), a);
            }
            if (kind.startsWith("builtin ")) {
                return builtinCall(kind.substring("builtin ".length()), a);
            }
            if (kind.equals("environ.Env")) {
                return environValue(o, a.get(0, "var"), a.get(1, "cast"), a.get(2, "default"),
                        a.get(3, "parse_default"), a, 0);
            }
            if (kind.equals("class environ.Env")) {
                LinkedHashMap<String, PyValue> attributes = new LinkedHashMap<>();
                PyDict scheme = PyDict.empty(a.at());
                scheme.entries().putAll(a.keywords());
                attributes.put("scheme", scheme);
                return new PyObject("environ.Env", attributes, a.at());
            }
            if (kind.equals("decouple.Csv")) {
                return csv(o, a.get(0, "value"), a);
            }
            return unknown("`" + a.text() + "` is not evaluated (" + kind + " is not callable here)", a.at());
        } else {
            return unknown("`" + a.text() + "` raises TypeError (the object is not callable)", a.at());
        }
    }

    PyValue method(PyValue receiver, String name, Args a) {
        if (receiver instanceof PyUnknown u) {
            return unknown(u.reason(), a.at());
        } else if (receiver instanceof PyStr s) {
            return strMethod(s, name, a);
        } else if (receiver instanceof PyDict d) {
            return dictMethod(d, name, a);
        } else if (receiver instanceof PyList l) {
            return listMethod(l, name, a);
        } else if (receiver instanceof PyObject o && o.kind().equals("os.environ")) {
            return environMethod(name, a);
        } else if (receiver instanceof PyObject o && o.kind().equals("environ.Env")) {
            return envMethod(o, name, a);
        } else if (receiver instanceof PyObject o && o.kind().equals("class environ.Env")) {
            if (name.equals("read_env")) {
                return readEnv(a);
            }
            return notEvaluated(a);
        } else if (receiver instanceof PyObject o) {
            return call(attribute(o, name, a.text(), a.at()), a);
        } else {
            return notEvaluated(a);
        }
    }

    private PyValue builtinCall(String name, Args a) {
        PyValue x = a.get(0, "x");
        SourceLocation at = a.at();
        switch (name) {
            case "int" -> {
                if (x == null) {
                    return new PyInt(0, at);
                }
                PyValue base = a.get(1, "base");
                if (base != null) {
                    return Values.lift2(x, base, (v, b) -> v instanceof PyStr s && b instanceof PyInt bi
                            && bi.value() >= 2 && bi.value() <= 36 ? intWithBase(s, (int) bi.value(), a) : notEvaluated(a));
                }
                return Values.lift(x, v -> toInt(v, a));
            }
            case "float" -> {
                return x == null ? new PyFloat(0, at) : Values.lift(x, v -> toFloat(v, a));
            }
            case "bool" -> {
                return x == null ? new PyBool(false, at) : Values.lift(x, v -> {
                    Boolean t = Values.truthy(v);
                    return t == null ? unknown(Values.reasonOf(v), at) : new PyBool(t, v.at());
                });
            }
            case "str" -> {
                PyValue o = a.get(0, "object");
                return o == null ? new PyStr("", at) : Values.lift(o, v -> toStr(v, a));
            }
            case "len" -> {
                PyValue o = a.get(0, "obj");
                return o == null ? notEvaluated(a) : Values.lift(o, v -> {
                    if (v instanceof PyStr s) {
                        return new PyInt(s.value().codePointCount(0, s.value().length()), at);
                    } else if (v instanceof PyList l) {
                        return new PyInt(l.items().size(), at);
                    } else if (v instanceof PyDict d) {
                        return new PyInt(d.entries().size(), at);
                    } else if (v instanceof PyUnknown u) {
                        return unknown(u.reason(), at);
                    }
                    return notEvaluated(a);
                });
            }
            case "list", "tuple" -> {
                PyValue o = a.get(0, "iterable");
                if (o == null) {
                    return new PyList(new ArrayList<>(), name.equals("tuple"), at);
                }
                return Values.lift(o, v -> {
                    List<PyValue> items = iterate(v);
                    return items == null ? unknown(v instanceof PyUnknown u ? u.reason() : "`" + a.text() + "` is not evaluated", at)
                            : new PyList(items, name.equals("tuple"), at);
                });
            }
            case "dict" -> {
                PyDict d = PyDict.empty(at);
                PyValue o = a.get(0, null);
                if (o != null) {
                    if (!(o instanceof PyDict source)) {
                        return unknown(o instanceof PyUnknown u ? u.reason() : "`" + a.text() + "` is not evaluated", at);
                    }
                    d.entries().putAll(source.entries());
                }
                d.entries().putAll(a.keywords());
                return d;
            }
            case "print" -> {
                return new PyNone(at);
            }
            case "min", "max" -> {
                List<PyValue> values = a.positional().size() == 1 ? iterate(a.positional().get(0)) : a.positional();
                if (values == null || values.isEmpty() || !a.keywords().isEmpty()) {
                    return notEvaluated(a);
                }
                PyValue best = values.get(0);
                for (PyValue v : values) {
                    Integer c = Values.compare(v, best);
                    if (c == null) {
                        return v instanceof PyUnknown u ? unknown(u.reason(), at) : notEvaluated(a);
                    }
                    if (name.equals("min") ? c < 0 : c > 0) {
                        best = v;
                    }
                }
                return best;
            }
            case "abs" -> {
                return x == null ? notEvaluated(a) : Values.lift(x, v -> v instanceof PyFloat f ? new PyFloat(Math.abs(f.value()), at)
                        : Values.isNumber(v) && Values.asLong(v) != Long.MIN_VALUE ? new PyInt(Math.abs(Values.asLong(v)), at)
                        : v instanceof PyUnknown u ? unknown(u.reason(), at) : notEvaluated(a));
            }
            case "repr" -> {
                PyValue o = a.get(0, "obj");
                return o != null && (Values.isKnownScalar(o)) ? new PyStr(Values.repr(o), at) : notEvaluated(a);
            }
            case "os.getenv" -> {
                return Values.lift(a.get(0, "key"), k -> environGet(k, a.get(1, "default"), a));
            }
            case "os.path.join" -> {
                return pathJoin(a);
            }
            case "os.path.dirname", "os.path.basename" -> {
                PyValue p = a.get(0, "p");
                return p == null ? notEvaluated(a) : Values.lift(p, v -> {
                    if (!(v instanceof PyStr s)) {
                        return v instanceof PyUnknown u ? unknown(u.reason(), at) : notEvaluated(a);
                    }
                    String str = s.value();
                    int slash = str.lastIndexOf('/') + 1;
                    if (name.endsWith("basename")) {
                        return new PyStr(str.substring(slash), at);
                    }
                    String head = str.substring(0, slash);
                    int end = head.length();
                    while (end > 0 && head.charAt(end - 1) == '/') {
                        end--;
                    }
                    if (end > 0) {
                        head = head.substring(0, end);
                    }
                    return new PyStr(head, at);
                });
            }
            case "os.path.abspath", "os.path.realpath", "os.path.normpath", "os.path.expanduser" -> {
                PyValue p = a.get(0, "path");
                return p == null ? notEvaluated(a) : Values.lift(p, v -> {
                    if (v instanceof PyUnknown u) {
                        return unknown(u.reason(), at);
                    }
                    if (!(v instanceof PyStr s)) {
                        return notEvaluated(a);
                    }
                    if (name.endsWith("expanduser") && !s.value().startsWith("~")) {
                        return new PyStr(s.value(), at);
                    }
                    if (!s.value().startsWith("/") || name.endsWith("expanduser")) {
                        return unknown("`" + a.text() + "` depends on the directory or user the settings run with", at);
                    }
                    if (name.endsWith("realpath")) {
                        return unknown("`" + a.text() + "` depends on symbolic links where the settings run", at);
                    }
                    return new PyStr(normpath(s.value()), at);
                });
            }
            case "os.path.exists", "os.path.isfile", "os.path.isdir", "os.path.lexists" -> {
                return unknown("`" + a.text() + "` depends on the filesystem where the settings run", at);
            }
            case "os.cpu_count", "multiprocessing.cpu_count" -> {
                return unknown(name + "() depends on the host's CPU count", at);
            }
            case "dj_database_url.config" -> {
                return djConfig(a);
            }
            case "dj_database_url.parse" -> {
                PyValue url = a.get(0, "url");
                if (url == null) {
                    return notEvaluated(a);
                }
                DatabaseUrls.DjOptions options = djOptions(a, 1);
                return Values.lift(url, u -> u instanceof PyStr || u instanceof PyUnknown ? DatabaseUrls.djDatabaseUrl(u, options, at)
                        : unknown("`" + a.text() + "`: the URL is not a string", at));
            }
            case "decouple.config" -> {
                return decouple(a);
            }
            case "decouple.AutoConfig", "decouple.Config" -> {
                return new PyObject("builtin decouple.config", Map.of(), at);
            }
            case "decouple.Csv" -> {
                Map<String, PyValue> attributes = new LinkedHashMap<>();
                PyValue cast = a.get(0, "cast");
                PyValue delimiter = a.get(1, "delimiter");
                if (cast != null) {
                    attributes.put("cast", cast);
                }
                if (delimiter != null) {
                    attributes.put("delimiter", delimiter);
                }
                return new PyObject("decouple.Csv", Collections.unmodifiableMap(attributes), at);
            }
            case "pathlib.Path", "pathlib.PurePath", "environ.Path" -> {
                return unknown("paths built with " + name + " are not evaluated", at);
            }
            default -> {
                if (RUNNERS.contains(name) || name.startsWith("os.") || name.startsWith("subprocess.")
                        || name.startsWith("shutil.")) {
                    return unknown("`" + a.text() + "` is not evaluated: connlint never runs the settings", at);
                }
                return notEvaluated(a);
            }
        }
    }

    /** posixpath.normpath of an absolute path. */
    static String normpath(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        String prefix = path.startsWith("//") && !path.startsWith("///") ? "//" : "/";
        return prefix + String.join("/", parts);
    }

    private PyValue pathJoin(Args a) {
        if (a.positional().isEmpty() || !a.keywords().isEmpty()) {
            return notEvaluated(a);
        }
        StringBuilder out = new StringBuilder();
        for (PyValue part : a.positional()) {
            if (!(part instanceof PyStr s)) {
                return part instanceof PyUnknown u ? unknown(u.reason(), a.at())
                        : unknown("`" + a.text() + "` joins a value that is not a known string", a.at());
            }
            String p = s.value();
            if (p.startsWith("/")) {
                out.setLength(0);
                out.append(p);
            } else if (out.length() == 0 || out.charAt(out.length() - 1) == '/') {
                out.append(p);
            } else {
                out.append('/').append(p);
            }
        }
        return Values.string(out.toString(), a.at());
    }

    // ---- conversions ----

    static PyValue toInt(PyValue v, Args a) {
        SourceLocation at = v.at();
        if (v instanceof PyInt i) {
            return i;
        } else if (v instanceof PyBool b) {
            return new PyInt(b.value() ? 1 : 0, at);
        } else if (v instanceof PyFloat f) {
            return Double.isNaN(f.value()) || Double.isInfinite(f.value()) || Math.abs(f.value()) >= 9.2e18 ? unknown("`" + a.text() + "` raises ValueError or OverflowError, or is beyond 64 bits", a.at()) : new PyInt((long) f.value(), at);
        } else if (v instanceof PyStr s) {
            Long parsed = parseInt(s.value());
            return parsed != null ? new PyInt(parsed, at)
                    : unknown("int(" + Values.strRepr(abbreviate(s.value())) + ") raises ValueError, so the settings"
                    + " fail to load", a.at());
        } else if (v instanceof PyUnknown u) {
            return unknown(u.reason(), a.at());
        } else {
            return unknown("`" + a.text() + "` raises TypeError", a.at());
        }
    }

    private static PyValue intWithBase(PyStr s, int base, Args a) {
        String t = s.value().strip().replace("_", "");
        String lower = t.toLowerCase(Locale.ROOT);
        String prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : null;
        boolean negative = lower.startsWith("-");
        String body = lower.replaceFirst("^[+-]", "");
        if (prefix != null && body.startsWith(prefix)) {
            body = body.substring(2);
        }
        try {
            long value = Long.parseLong(body, base);
            return new PyInt(negative ? -value : value, s.at());
        } catch (NumberFormatException e) {
            return unknown("`" + a.text() + "` raises ValueError", a.at());
        }
    }

    /** Python's int(str): whitespace, a sign, digits with single underscores; null when invalid. */
    static Long parseInt(String s) {
        String t = strip(s, null, true, true);
        int sign = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (t.length() == sign || digits(t, sign) != t.length() || t.length() > 40) {
            return null;
        }
        try {
            return Long.parseLong(t.replace("_", "").replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static PyValue toFloat(PyValue v, Args a) {
        SourceLocation at = v.at();
        if (v instanceof PyFloat f) {
            return f;
        } else if (v instanceof PyInt i) {
            return new PyFloat(i.value(), at);
        } else if (v instanceof PyBool b) {
            return new PyFloat(b.value() ? 1 : 0, at);
        } else if (v instanceof PyStr s) {
            Double d = parseFloat(s.value());
            return d != null ? new PyFloat(d, at) : unknown("float(" + Values.strRepr(abbreviate(s.value()))
                    + ") raises ValueError, so the settings fail to load", a.at());
        } else if (v instanceof PyUnknown u) {
            return unknown(u.reason(), a.at());
        } else {
            return unknown("`" + a.text() + "` raises TypeError", a.at());
        }
    }

    static Double parseFloat(String s) {
        String t = strip(s, null, true, true).toLowerCase(Locale.ROOT);
        String unsigned = t.replaceFirst("^[+-]", "");
        boolean negative = t.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        // [sign] digits [. digits] [e [sign] digits], at least one digit before the exponent,
        // single underscores between digits (Python's float() grammar); scanned, not matched by a
        // regex, so long inputs stay linear.
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        int before = i;
        i = digits(t, i);
        int mantissaDigits = i - before;
        if (i < t.length() && t.charAt(i) == '.') {
            int from = ++i;
            i = digits(t, i);
            mantissaDigits += i - from;
        }
        if (mantissaDigits == 0 || i < 0) {
            return null;
        }
        if (i < t.length() && t.charAt(i) == 'e') {
            i++;
            if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int from = i;
            i = digits(t, i);
            if (i <= from) {
                return null;
            }
        }
        if (i != t.length() || t.length() > 1000) {
            return null;
        }
        try {
            return Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The end of a run of ASCII digits with single underscores between them; -1 when malformed. */
    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '_' && i > from && i + 1 < t.length() && t.charAt(i + 1) >= '0' && t.charAt(i + 1) <= '9') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static PyValue toStr(PyValue v, Args a) {
        if (v instanceof PyUnknown u) {
            return unknown(u.reason(), a.at());
        }
        String s = Values.isKnownScalar(v) || v instanceof PyList || v instanceof PyDict ? Values.str(v) : null;
        return s == null ? notEvaluated(a) : Values.string(s, v.at());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    // ---- str, dict, list ----

    private PyValue strMethod(PyStr s, String name, Args a) {
        String v = s.value();
        Budget.charge(1 + v.length() / 16);
        SourceLocation at = a.at();
        PyValue arg0 = a.positional().isEmpty() ? null : a.positional().get(0);
        if (arg0 instanceof PyUnknown u) {
            return unknown(u.reason(), at);
        }
        switch (name) {
            case "lower" -> {
                return new PyStr(v.toLowerCase(Locale.ROOT), s.at());
            }
            case "upper" -> {
                return new PyStr(v.toUpperCase(Locale.ROOT), s.at());
            }
            case "strip", "lstrip", "rstrip" -> {
                String chars = arg0 instanceof PyStr c ? c.value() : null;
                if (arg0 != null && !(arg0 instanceof PyStr) && !(arg0 instanceof PyNone)) {
                    return notEvaluated(a);
                }
                return new PyStr(strip(v, chars, !name.equals("rstrip"), !name.equals("lstrip")), s.at());
            }
            case "split", "rsplit" -> {
                PyValue sep = a.get(0, "sep");
                PyValue max = a.get(1, "maxsplit");
                long maxsplit = max == null ? -1 : max instanceof PyInt m ? m.value() : Long.MIN_VALUE;
                if (maxsplit == Long.MIN_VALUE || (sep != null && !(sep instanceof PyStr) && !(sep instanceof PyNone))) {
                    return notEvaluated(a);
                }
                if (name.equals("rsplit") && maxsplit >= 0) {
                    return notEvaluated(a);
                }
                String separator = sep instanceof PyStr p ? p.value() : null;
                if (separator != null && separator.isEmpty()) {
                    return unknown("`" + a.text() + "` raises ValueError (empty separator)", at);
                }
                List<PyValue> parts = new ArrayList<>();
                for (String part : split(v, separator, maxsplit)) {
                    parts.add(new PyStr(part, s.at()));
                }
                return new PyList(parts, false, at);
            }
            case "replace" -> {
                if (a.positional().size() == 2 && a.positional().get(0) instanceof PyStr o && a.positional().get(1) instanceof PyStr n) {
                    if (o.value().isEmpty()) {
                        return notEvaluated(a);
                    }
                    String r = v.replace(o.value(), n.value());
                    return Values.string(r, s.at());
                }
                return notEvaluated(a);
            }
            case "startswith", "endswith" -> {
                List<PyValue> options = arg0 instanceof PyList l && l.tuple() ? l.items() : arg0 == null ? List.of() : List.of(arg0);
                if (options.isEmpty() || a.positional().size() > 1) {
                    return notEvaluated(a);
                }
                for (PyValue o : options) {
                    if (!(o instanceof PyStr p)) {
                        return notEvaluated(a);
                    }
                    if (name.equals("startswith") ? v.startsWith(p.value()) : v.endsWith(p.value())) {
                        return new PyBool(true, at);
                    }
                }
                return new PyBool(false, at);
            }
            case "join" -> {
                List<PyValue> items = arg0 == null ? null : iterate(arg0);
                if (items == null) {
                    return notEvaluated(a);
                }
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < items.size(); i++) {
                    if (!(items.get(i) instanceof PyStr p)) {
                        return items.get(i) instanceof PyUnknown u ? unknown(u.reason(), at) : notEvaluated(a);
                    }
                    if (i > 0) {
                        out.append(v);
                    }
                    out.append(p.value());
                    if (out.length() > Values.MAX_STRING) {
                        return Values.tooLong(at);
                    }
                }
                return new PyStr(out.toString(), at);
            }
            case "format" -> {
                for (PyValue p : a.keywords().values()) {
                    if (p instanceof PyUnknown u) {
                        return unknown(u.reason(), at);
                    }
                }
                return Formats.format(v, a.positional(), a.keywords(), a.text(), at);
            }
            case "isdigit", "isnumeric", "isdecimal" -> {
                return new PyBool(!v.isEmpty() && v.codePoints().allMatch(Character::isDigit), at);
            }
            default -> {
                return notEvaluated(a);
            }
        }
    }

    private static boolean isPythonSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
    }

    private static String strip(String v, String chars, boolean left, boolean right) {
        int start = 0;
        int end = v.length();
        while (left && start < end && (chars == null ? isPythonSpace(v.charAt(start)) : chars.indexOf(v.charAt(start)) >= 0)) {
            start++;
        }
        while (right && end > start && (chars == null ? isPythonSpace(v.charAt(end - 1)) : chars.indexOf(v.charAt(end - 1)) >= 0)) {
            end--;
        }
        return v.substring(start, end);
    }

    /** str.split: on runs of white space without a separator, on each separator otherwise. */
    static List<String> split(String v, String separator, long maxsplit) {
        List<String> out = new ArrayList<>();
        if (separator == null) {
            int i = 0;
            int n = v.length();
            while (true) {
                while (i < n && isPythonSpace(v.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (maxsplit >= 0 && out.size() >= maxsplit) {
                    out.add(strip(v.substring(i), null, false, true));
                    break;
                }
                int j = i;
                while (j < n && !isPythonSpace(v.charAt(j))) {
                    j++;
                }
                out.add(v.substring(i, j));
                i = j;
            }
            return out;
        }
        int from = 0;
        while (maxsplit < 0 || out.size() < maxsplit) {
            int i = v.indexOf(separator, from);
            if (i < 0) {
                break;
            }
            out.add(v.substring(from, i));
            from = i + separator.length();
            if (out.size() > Values.MAX_ITEMS) {
                break;
            }
        }
        out.add(v.substring(from));
        return out;
    }

    private PyValue dictMethod(PyDict d, String name, Args a) {
        Budget.charge(1 + d.entries().size());
        SourceLocation at = a.at();
        PyValue arg0 = a.positional().isEmpty() ? null : a.positional().get(0);
        switch (name) {
            case "get" -> {
                if (arg0 == null) {
                    return notEvaluated(a);
                }
                PyValue fallback = a.get(1, "default");
                return Values.lift(arg0, k -> {
                    String key = Values.keyOf(k);
                    if (key == null) {
                        return unknown(k instanceof PyUnknown u ? u.reason() : "`" + a.text() + "`: the key is not known", at);
                    }
                    PyValue v = d.entries().get(key);
                    return v != null ? v : fallback != null ? fallback : new PyNone(at);
                });
            }
            case "update" -> {
                if (arg0 != null) {
                    update(d, arg0, a);
                }
                for (Map.Entry<String, PyValue> e : a.keywords().entrySet()) {
                    putChecked(d, e.getKey(), e.getValue(), a);
                }
                return new PyNone(at);
            }
            case "setdefault" -> {
                String key = arg0 == null ? null : Values.keyOf(arg0);
                if (key == null) {
                    ev.note(at, "`" + a.text() + "` is not followed: the key is not known");
                    return notEvaluated(a);
                }
                PyValue v = d.entries().get(key);
                if (v != null) {
                    return v;
                }
                PyValue fallback = a.get(1, "default");
                PyValue value = fallback == null ? new PyNone(at) : fallback;
                putChecked(d, key, value, a);
                return value;
            }
            case "pop" -> {
                String key = arg0 == null ? null : Values.keyOf(arg0);
                if (key == null) {
                    ev.note(at, "`" + a.text() + "` is not followed: the key is not known");
                    return notEvaluated(a);
                }
                PyValue v = d.entries().remove(key);
                PyValue fallback = a.get(1, "default");
                return v != null ? v : fallback != null ? fallback
                        : unknown("`" + a.text() + "` raises KeyError", at);
            }
            case "copy" -> {
                return new PyDict(new LinkedHashMap<>(d.entries()), at);
            }
            case "clear" -> {
                d.entries().clear();
                return new PyNone(at);
            }
            case "keys", "values", "items" -> {
                List<PyValue> items = new ArrayList<>();
                for (Map.Entry<String, PyValue> e : d.entries().entrySet()) {
                    PyStr key = new PyStr(e.getKey(), d.at());
                    items.add(switch (name) {
                        case "keys" -> key;
                        case "values" -> e.getValue();
                        default -> new PyList(new ArrayList<>(List.of(key, e.getValue())), true, at);
                    });
                }
                return new PyList(items, false, at);
            }
            default -> {
                return notEvaluated(a);
            }
        }
    }

    /** dict.update with another mapping; alternatives give a choice per key. */
    private void update(PyDict d, PyValue other, Args a) {
        if (other instanceof PyDict o) {
            for (Map.Entry<String, PyValue> e : new ArrayList<>(o.entries().entrySet())) {
                putChecked(d, e.getKey(), e.getValue(), a);
            }
            return;
        }
        List<PyValue> alternatives = Values.alternativesOf(other);
        if (other instanceof PyChoice && alternatives.stream().allMatch(x -> x instanceof PyDict)) {
            List<String> keys = new ArrayList<>();
            for (PyValue alt : alternatives) {
                for (String k : ((PyDict) alt).entries().keySet()) {
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                }
            }
            for (String k : keys) {
                PyValue current = d.entries().get(k);
                PyValue merged = Values.lift(other, alt -> {
                    PyValue v = ((PyDict) alt).entries().get(k);
                    return v != null ? v : current != null ? current
                            : unknown("`" + k + "` is not set in this alternative of `" + a.text() + "`", a.at());
                });
                putChecked(d, k, merged, a);
            }
            return;
        }
        if (other instanceof PyList l) {
            for (PyValue item : l.items()) {
                if (item instanceof PyList pair && pair.items().size() == 2 && Values.keyOf(pair.items().get(0)) != null) {
                    putChecked(d, Values.keyOf(pair.items().get(0)), pair.items().get(1), a);
                } else {
                    ev.note(a.at(), "`" + a.text() + "` is not followed: an item is not a known key/value pair");
                    return;
                }
            }
            return;
        }
        ev.note(a.at(), "`" + a.text() + "` is not followed: the mapping is not known (" + Values.reasonOf(other) + ")");
    }

    private void putChecked(PyDict d, String key, PyValue value, Args a) {
        if (Values.reaches(value, d)) {
            ev.note(a.at(), "`" + a.text() + "` is not followed: it would make the dict contain itself");
            return;
        }
        d.entries().put(key, value);
    }

    private PyValue listMethod(PyList l, String name, Args a) {
        Budget.charge(1 + l.items().size());
        SourceLocation at = a.at();
        PyValue arg0 = a.positional().isEmpty() ? null : a.positional().get(0);
        if (l.tuple()) {
            return notEvaluated(a);
        }
        switch (name) {
            case "append", "insert" -> {
                PyValue value = name.equals("append") ? arg0 : a.get(1, "object");
                if (value == null) {
                    return notEvaluated(a);
                }
                if (Values.reaches(value, l) || l.items().size() >= Values.MAX_ITEMS) {
                    ev.note(at, "`" + a.text() + "` is not followed");
                    return new PyNone(at);
                }
                if (name.equals("append")) {
                    l.items().add(value);
                } else {
                    if (!(arg0 instanceof PyInt || arg0 instanceof PyBool)) {
                        ev.note(at, "`" + a.text() + "` is not followed: the index is not known");
                        return new PyNone(at);
                    }
                    long i = Values.asLong(arg0);
                    int size = l.items().size();
                    int index = (int) (i < 0 ? Math.max(0, i + size) : Math.min(i, size));
                    l.items().add(index, value);
                }
                return new PyNone(at);
            }
            case "extend" -> {
                List<PyValue> items = arg0 == null ? null : iterate(arg0);
                if (items == null || items.stream().anyMatch(v -> Values.reaches(v, l))
                        || l.items().size() + items.size() > Values.MAX_ITEMS) {
                    ev.note(at, "`" + a.text() + "` is not followed" + (arg0 == null ? "" : ": " + Values.reasonOf(arg0)));
                    return new PyNone(at);
                }
                l.items().addAll(items);
                return new PyNone(at);
            }
            case "remove" -> {
                for (int i = 0; i < l.items().size(); i++) {
                    Boolean eq = arg0 == null ? null : Values.equal(l.items().get(i), arg0);
                    if (eq == null) {
                        ev.note(at, "`" + a.text() + "` is not followed: the items are not all known");
                        return new PyNone(at);
                    }
                    if (eq) {
                        l.items().remove(i);
                        return new PyNone(at);
                    }
                }
                return unknown("`" + a.text() + "` raises ValueError (not in list)", at);
            }
            case "pop" -> {
                int size = l.items().size();
                Integer i = arg0 == null ? (size > 0 ? Integer.valueOf(size - 1) : null) : Evaluator.index(arg0, size);
                if (i == null) {
                    return unknown("`" + a.text() + "` raises IndexError or is not known", at);
                }
                return l.items().remove((int) i);
            }
            case "copy" -> {
                return new PyList(new ArrayList<>(l.items()), false, at);
            }
            case "clear" -> {
                l.items().clear();
                return new PyNone(at);
            }
            case "reverse" -> {
                Collections.reverse(l.items());
                return new PyNone(at);
            }
            case "index", "count" -> {
                if (arg0 == null) {
                    return notEvaluated(a);
                }
                int count = 0;
                for (int i = 0; i < l.items().size(); i++) {
                    Boolean eq = Values.equal(l.items().get(i), arg0);
                    if (eq == null) {
                        return notEvaluated(a);
                    }
                    if (eq) {
                        if (name.equals("index")) {
                            return new PyInt(i, at);
                        }
                        count++;
                    }
                }
                return name.equals("count") ? new PyInt(count, at) : unknown("`" + a.text() + "` raises ValueError", at);
            }
            default -> {
                if (name.equals("sort")) {
                    ev.note(at, "`" + a.text() + "` is not followed: the list keeps its order");
                }
                return notEvaluated(a);
            }
        }
    }

    // ---- os.environ ----

    /** os.environ.get / os.getenv: the app's env value, else the default, else unknown. */
    private PyValue environGet(PyValue key, PyValue fallback, Args a) {
        if (!(key instanceof PyStr k)) {
            return unknown(key instanceof PyUnknown u ? u.reason() : "the environment variable's name in `" + a.text()
                    + "` is not known", a.at());
        }
        return environGet(k.value(), fallback, a.at());
    }

    private PyValue environGet(String key, PyValue fallback, SourceLocation at) {
        PyValue v = ev.envLookup(key);
        if (v instanceof PyStr s) {
            return new PyStr(s.value(), at);
        }
        if (v != null) {
            return unknown(Values.reasonOf(v), at);
        }
        if (fallback != null) {
            return fallback;
        }
        return unknown("environment variable " + key + " has no value or default", at);
    }

    private PyValue environMethod(String name, Args a) {
        PyValue key = a.get(0, "key");
        switch (name) {
            case "get", "pop" -> {
                if (key == null) {
                    return notEvaluated(a);
                }
                PyValue result = Values.lift(key, k -> environGet(k, a.get(1, "default"), a));
                if (name.equals("pop") && key instanceof PyStr k) {
                    ev.frame.env.remove(k.value());
                }
                return result;
            }
            case "setdefault" -> {
                if (!(key instanceof PyStr k)) {
                    ev.note(a.at(), "`" + a.text() + "` is not followed: the variable's name is not known");
                    return notEvaluated(a);
                }
                PyValue current = ev.envLookup(k.value());
                if (current != null) {
                    return current instanceof PyStr s ? new PyStr(s.value(), a.at()) : unknown(Values.reasonOf(current), a.at());
                }
                PyValue value = a.get(1, "value");
                if (value == null) {
                    return notEvaluated(a);
                }
                ev.envSet(k.value(), value instanceof PyStr || value instanceof PyUnknown ? value
                        : unknown("os.environ only takes strings (TypeError)", value.at()));
                return value;
            }
            case "__contains__" -> {
                return key == null ? notEvaluated(a) : contains(new PyObject("os.environ", Map.of(), a.at()), key, a.text(), a.at());
            }
            default -> {
                return unknown("`" + a.text() + "` is not modelled: connlint knows os.environ only through the app's env"
                        + " in connlint.yml", a.at());
            }
        }
    }

    // ---- dj-database-url ----

    /** dj_database_url.config(env, default, engine, conn_max_age, conn_health_checks, ..., ssl_require, test_options). */
    private PyValue djConfig(Args a) {
        PyValue name = a.get(0, "env");
        PyValue variable = name == null ? new PyStr("DATABASE_URL", a.at()) : name;
        PyValue fallback = a.get(1, "default");
        DatabaseUrls.DjOptions options = djOptions(a, 2);
        return Values.lift(variable, var -> {
            if (!(var instanceof PyStr v)) {
                return unknown("`" + a.text() + "`: the environment variable's name is not known", a.at());
            }
            PyValue url = ev.envLookup(v.value());
            PyValue value;
            if (url instanceof PyStr s) {
                value = new PyStr(s.value(), a.at());
            } else if (url != null) {
                value = unknown(Values.reasonOf(url), a.at());
            } else if (fallback == null || fallback instanceof PyNone) {
                value = unknown("environment variable " + v.value() + " has no value or default", a.at());
            } else {
                value = fallback;
            }
            return Values.lift(value, u -> {
                if (u instanceof PyStr s && s.value().isEmpty()) {
                    ev.note(a.at(), "`" + a.text() + "` returns {} because " + v.value() + " is empty");
                    return PyDict.empty(a.at());
                }
                if (!(u instanceof PyStr) && !(u instanceof PyUnknown)) {
                    return unknown("`" + a.text() + "`: the URL is not a string", a.at());
                }
                return DatabaseUrls.djDatabaseUrl(u, options, a.at());
            });
        });
    }

    /** The keyword arguments after the URL (or env and default), with dj-database-url's defaults. */
    private static DatabaseUrls.DjOptions djOptions(Args a, int first) {
        SourceLocation at = a.at();
        PyValue engine = a.get(first, "engine");
        PyValue connMaxAge = a.get(first + 1, "conn_max_age");
        PyValue health = a.get(first + 2, "conn_health_checks");
        PyValue cursors = a.get(first + 3, "disable_server_side_cursors");
        PyValue ssl = a.get(first + 4, "ssl_require");
        PyValue test = a.get(first + 5, "test_options");
        return new DatabaseUrls.DjOptions(
                engine == null ? new PyNone(at) : engine,
                connMaxAge == null ? new PyInt(0, at) : connMaxAge,
                health == null ? new PyBool(false, at) : health,
                cursors == null ? new PyBool(false, at) : cursors,
                ssl == null ? new PyBool(false, at) : ssl,
                test == null ? new PyNone(at) : test);
    }

    // ---- django-environ ----

    private PyValue readEnv(Args a) {
        ev.note(a.at(), "`" + a.text() + "` is not followed: connlint takes environment variables only from the app's env"
                + " in connlint.yml, not from .env files");
        return new PyNone(a.at());
    }

    private PyValue envMethod(PyObject env, String name, Args a) {
        PyValue var = a.get(0, "var");
        SourceLocation at = a.at();
        switch (name) {
            case "str", "bool", "int", "float" -> {
                PyObject cast = new PyObject("builtin " + name, Map.of(), at);
                return environValue(env, var, cast, a.get(1, "default"), null, a, 0);
            }
            case "json" -> {
                PyValue v = environValue(env, var, null, a.get(1, "default"), null, a, 0);
                return ev.envLookup(prefix(env) + (var instanceof PyStr s ? s.value() : "")) != null
                        ? unknown("`" + a.text() + "`: JSON values are not evaluated", at) : v;
            }
            case "list", "tuple" -> {
                PyValue cast = a.get(1, "cast");
                PyValue effective = cast == null || cast instanceof PyNone ? new PyObject("builtin " + name, Map.of(), at)
                        : new PyList(new ArrayList<>(List.of(cast)), name.equals("tuple"), at);
                return environValue(env, var, effective, a.get(2, "default"), null, a, 0);
            }
            case "dict" -> {
                PyValue cast = a.get(1, "cast");
                return environValue(env, var, cast == null ? new PyObject("builtin dict", Map.of(), at) : cast,
                        a.get(2, "default"), null, a, 0);
            }
            case "db", "db_url" -> {
                PyValue variable = var == null ? new PyStr("DATABASE_URL", at) : var;
                PyValue engine = a.get(2, "engine");
                PyValue url = environValue(env, variable, null, a.get(1, "default"), null, a, 0);
                PyValue engineValue = engine == null ? new PyNone(at) : engine;
                return Values.lift(url, u -> u instanceof PyStr || u instanceof PyUnknown
                        ? DatabaseUrls.environ(u, engineValue, at)
                        : unknown("`" + a.text() + "`: the URL is not a string", at));
            }
            case "read_env" -> {
                return readEnv(a);
            }
            default -> {
                return unknown("`" + a.text() + "` is not modelled", at);
            }
        }
    }

    private static String prefix(PyObject env) {
        return env.attributes().get("prefix") instanceof PyStr p ? p.value() : "";
    }

    /** environ.Env.get_value (django-environ environ/environ.py). {@code fallback} null is NOTSET. */
    private PyValue environValue(PyObject env, PyValue var, PyValue cast, PyValue fallback, PyValue parseDefault, Args a, int depth) {
        SourceLocation at = a.at();
        if (!(var instanceof PyStr v)) {
            return unknown(var instanceof PyUnknown u ? u.reason() : "`" + a.text() + "`: the variable's name is not known", at);
        }
        String name = prefix(env) + v.value();
        if (env.attributes().get("scheme") instanceof PyDict scheme && scheme.entries().containsKey(name)) {
            PyValue info = scheme.entries().get(name);
            if (info instanceof PyList l && l.items().size() == 2) {
                cast = cast == null || cast instanceof PyNone ? l.items().get(0) : cast;
                fallback = fallback == null ? l.items().get(1) : fallback;
            } else if (cast == null || cast instanceof PyNone) {
                cast = info;
            }
        }
        PyValue found = ev.envLookup(name);
        PyValue value;
        boolean fromEnv = found != null;
        if (found instanceof PyStr s) {
            value = new PyStr(s.value(), at);
        } else if (found != null) {
            value = unknown(Values.reasonOf(found), at);
        } else if (fallback == null) {
            return unknown("environment variable " + name + " has no value or default", at);
        } else {
            value = fallback;
        }
        if (fromEnv && value instanceof PyStr s && s.value().startsWith("$") && depth < 10) {
            return environValue(env, new PyStr(s.value().replaceFirst("^\\$+", ""), at), cast, fallback, parseDefault, a, depth + 1);
        }
        if ((cast == null || cast instanceof PyNone) && fallback != null && !(fallback instanceof PyNone)) {
            cast = castOf(fallback);
        }
        if (fallback instanceof PyNone && value instanceof PyStr s && s.value().isEmpty()) {
            value = new PyNone(at);
        }
        boolean parse = fromEnv ? !Boolean.TRUE.equals(Values.equal(value, fallback == null ? new PyNone(at) : fallback))
                || fallback == null : Boolean.TRUE.equals(parseDefault == null ? null : Values.truthy(parseDefault));
        if (value instanceof PyNone || !parse || cast == null || cast instanceof PyNone) {
            return value;
        }
        PyValue effectiveCast = cast;
        return Values.lift(value, x -> parseValue(x, effectiveCast, a));
    }

    /** type(default), as Env.get_value's smart cast takes it. */
    private static PyValue castOf(PyValue fallback) {
        String type = null;
        if (fallback instanceof PyBool) {
            type = "bool";
        } else if (fallback instanceof PyInt) {
            type = "int";
        } else if (fallback instanceof PyFloat) {
            type = "float";
        } else if (fallback instanceof PyStr) {
            type = "str";
        } else if (fallback instanceof PyList l) {
            type = l.tuple() ? "tuple" : "list";
        } else if (fallback instanceof PyDict) {
            type = "dict";
        }
        return type == null ? null : new PyObject("builtin " + type, Map.of(), fallback.at());
    }

    /** Env.parse_value. */
    private static PyValue parseValue(PyValue value, PyValue cast, Args a) {
        SourceLocation at = value.at();
        if (value instanceof PyUnknown u) {
            return u;
        }
        if (cast instanceof PyList l && l.items().size() == 1) {
            if (!(value instanceof PyStr s)) {
                return notEvaluated(a);
            }
            String text = s.value();
            List<String> parts = l.tuple() ? split(strip(strip(text, "(", true, false), ")", false, true), ",", -1)
                    : split(text, ",", -1);
            List<PyValue> items = new ArrayList<>();
            for (String part : parts) {
                if (!part.isEmpty()) {
                    PyValue item = castWith(new PyStr(part, at), l.items().get(0), a);
                    if (item instanceof PyUnknown) {
                        return item;
                    }
                    items.add(item);
                }
            }
            return new PyList(items, l.tuple(), at);
        }
        String type = cast instanceof PyObject o && o.kind().startsWith("builtin ") ? o.kind().substring("builtin ".length()) : null;
        if (type == null) {
            return unknown("`" + a.text() + "` casts with a function connlint does not model", a.at());
        }
        if (!(value instanceof PyStr s)) {
            return castWith(value, cast, a);
        }
        String text = s.value();
        switch (type) {
            case "bool" -> {
                Long i = parseInt(text);
                return new PyBool(i != null ? i != 0 : ENVIRON_TRUE.contains(text.toLowerCase(Locale.ROOT).strip()), at);
            }
            case "list", "tuple" -> {
                String body = type.equals("tuple") ? strip(strip(text, "(", true, false), ")", false, true) : text;
                List<PyValue> items = new ArrayList<>();
                for (String part : split(body, ",", -1)) {
                    if (!part.isEmpty()) {
                        items.add(new PyStr(part, at));
                    }
                }
                return new PyList(items, type.equals("tuple"), at);
            }
            case "dict" -> {
                PyDict d = PyDict.empty(at);
                for (String part : split(text, ",", -1)) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    int eq = part.indexOf('=');
                    if (eq < 0) {
                        return unknown("`" + a.text() + "` raises ValueError (a dict item without '=')", a.at());
                    }
                    d.entries().put(part.substring(0, eq), new PyStr(part.substring(eq + 1), at));
                }
                return d;
            }
            case "float" -> {
                String cleaned = text.replaceAll("[^\\d,.-]", "");
                String[] parts = cleaned.split("[,.]", -1);
                String number = parts.length == 1 ? parts[0]
                        : String.join("", java.util.Arrays.copyOf(parts, parts.length - 1)) + "." + parts[parts.length - 1];
                Double d = parseFloat(number);
                return d != null ? new PyFloat(d, at) : unknown("`" + a.text() + "` raises ValueError", a.at());
            }
            default -> {
                return castWith(value, cast, a);
            }
        }
    }

    /** cast(value) for the builtin casts. */
    private static PyValue castWith(PyValue value, PyValue cast, Args a) {
        String type = cast instanceof PyObject o && o.kind().startsWith("builtin ") ? o.kind().substring("builtin ".length()) : "";
        return switch (type) {
            case "int" -> toInt(value, a);
            case "float" -> toFloat(value, a);
            case "str" -> toStr(value, a);
            case "bool" -> {
                Boolean t = Values.truthy(value);
                yield t == null ? notEvaluated(a) : new PyBool(t, value.at());
            }
            default -> unknown("`" + a.text() + "` casts with a function connlint does not model", a.at());
        };
    }

    // ---- python-decouple ----

    /** decouple.Config.get(option, default=undefined, cast=undefined); .env and settings.ini are not read. */
    private PyValue decouple(Args a) {
        PyValue option = a.get(0, "option");
        if (!(option instanceof PyStr o)) {
            return unknown("`" + a.text() + "`: the variable's name is not known", a.at());
        }
        PyValue found = ev.envLookup(o.value());
        PyValue fallback = a.get(1, "default");
        PyValue value;
        if (found instanceof PyStr s) {
            value = new PyStr(s.value(), a.at());
        } else if (found != null) {
            value = unknown(Values.reasonOf(found), a.at());
        } else if (fallback != null) {
            value = fallback;
        } else {
            return unknown("environment variable " + o.value() + " has no value or default (python-decouple's .env and"
                    + " settings.ini are not read)", a.at());
        }
        PyValue cast = a.get(2, "cast");
        if (cast == null) {
            return value;
        }
        return Values.lift(value, v -> {
            if (v instanceof PyUnknown) {
                return v;
            }
            if (cast instanceof PyObject c && c.kind().equals("decouple.Csv")) {
                return csv(c, v, a);
            }
            if (cast instanceof PyObject c && c.kind().equals("builtin bool")) {
                String s = Values.str(v);
                Boolean b = s == null ? null : DECOUPLE_BOOLEANS.get(s.toLowerCase(Locale.ROOT));
                return b != null ? new PyBool(b, v.at()) : unknown("`" + a.text() + "` raises ValueError (not a boolean: "
                        + (s == null ? "?" : Values.strRepr(abbreviate(s))) + ")", a.at());
            }
            return castWith(v, cast, a);
        });
    }

    /** decouple.Csv: split on the delimiter, strip, drop empty items, cast each. */
    private static PyValue csv(PyObject csv, PyValue value, Args a) {
        if (!(value instanceof PyStr s)) {
            return value instanceof PyUnknown u ? u : notEvaluated(a);
        }
        String delimiter = csv.attributes().get("delimiter") instanceof PyStr d ? d.value() : ",";
        PyValue cast = csv.attributes().get("cast");
        List<PyValue> items = new ArrayList<>();
        for (String part : delimiter.isEmpty() ? List.of(s.value()) : split(s.value(), delimiter, -1)) {
            String stripped = part.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            PyValue item = new PyStr(stripped, s.at());
            if (cast != null) {
                item = castWith(item, cast, a);
                if (item instanceof PyUnknown) {
                    return item;
                }
            }
            items.add(item);
        }
        return new PyList(items, false, a.at());
    }
}
