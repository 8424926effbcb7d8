package io.connlint.core.read.python;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.python.Ast.Alias;
import io.connlint.core.read.python.Ast.AnnAssign;
import io.connlint.core.read.python.Ast.Arg;
import io.connlint.core.read.python.Ast.Assign;
import io.connlint.core.read.python.Ast.Attribute;
import io.connlint.core.read.python.Ast.AugAssign;
import io.connlint.core.read.python.Ast.Binary;
import io.connlint.core.read.python.Ast.BoolLit;
import io.connlint.core.read.python.Ast.BoolOp;
import io.connlint.core.read.python.Ast.Call;
import io.connlint.core.read.python.Ast.Collection;
import io.connlint.core.read.python.Ast.CollectionKind;
import io.connlint.core.read.python.Ast.Compare;
import io.connlint.core.read.python.Ast.Def;
import io.connlint.core.read.python.Ast.Del;
import io.connlint.core.read.python.Ast.DictDisplay;
import io.connlint.core.read.python.Ast.DictItem;
import io.connlint.core.read.python.Ast.Expr;
import io.connlint.core.read.python.Ast.ExprStmt;
import io.connlint.core.read.python.Ast.FloatLit;
import io.connlint.core.read.python.Ast.For;
import io.connlint.core.read.python.Ast.Handler;
import io.connlint.core.read.python.Ast.If;
import io.connlint.core.read.python.Ast.IfExp;
import io.connlint.core.read.python.Ast.Ignored;
import io.connlint.core.read.python.Ast.Import;
import io.connlint.core.read.python.Ast.ImportFrom;
import io.connlint.core.read.python.Ast.IntLit;
import io.connlint.core.read.python.Ast.Name;
import io.connlint.core.read.python.Ast.NoneLit;
import io.connlint.core.read.python.Ast.Raise;
import io.connlint.core.read.python.Ast.Slice;
import io.connlint.core.read.python.Ast.Span;
import io.connlint.core.read.python.Ast.Starred;
import io.connlint.core.read.python.Ast.Stmt;
import io.connlint.core.read.python.Ast.StrLit;
import io.connlint.core.read.python.Ast.Subscript;
import io.connlint.core.read.python.Ast.Try;
import io.connlint.core.read.python.Ast.Unary;
import io.connlint.core.read.python.Ast.Walrus;
import io.connlint.core.read.python.Ast.While;
import io.connlint.core.read.python.Ast.With;
import io.connlint.core.read.python.Ast.WithItem;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one module's statements over its namespace by abstract interpretation: what can be
 * known statically is computed with Python's semantics (dicts and lists are shared and mutable),
 * what cannot is a {@link PyUnknown} with the reason, and an {@code if} whose condition is unknown
 * is evaluated both ways and merged into {@link PyChoice}s. Nothing is ever executed: calls are
 * modelled ({@link Calls}) or unknown.
 */
final class Evaluator {

    /** The state of one path through the module. */
    static final class Frame {
        LinkedHashMap<String, PyValue> names = new LinkedHashMap<>();
        LinkedHashMap<String, SourceLocation> assignedAt = new LinkedHashMap<>();
        Map<String, PyValue> env;
        /** A {@code raise} ran on this path. */
        boolean raised;
        /** An import failed inside a {@code try} that catches ImportError: the display path not found. */
        String pendingImport;
        SourceLocation pendingImportAt;
    }

    private static final Set<String> MUTATORS = Set.of("update", "append", "extend", "insert", "setdefault", "pop",
            "remove", "clear", "sort", "reverse", "popitem", "add", "discard");

    final PythonReader.Session session;
    final Path file;
    final String path;
    private final String src;
    final Calls calls;
    Frame frame = new Frame();
    private int importCatch;
    private int blockDepth;

    Evaluator(PythonReader.Session session, Path file, String path, String src, Map<String, PyValue> env) {
        this.session = session;
        this.file = file;
        this.path = path;
        this.src = src;
        this.frame.env = env;
        this.calls = new Calls(this);
    }

    // ---- helpers ----

    SourceLocation loc(Span s) {
        return new SourceLocation(path, s.line(), s.col());
    }

    /** The source text of a node, on one line, shortened. */
    String text(Span s) {
        int start = Math.max(0, Math.min(src.length(), s.start()));
        int end = Math.min(src.length(), Math.max(start, s.end()));
        boolean cut = end - start > 400;
        String t = src.substring(start, cut ? start + 400 : end).replaceAll("\\s+", " ").strip();
        return t.length() > 120 || cut ? t.substring(0, Math.min(t.length(), 117)) + "..." : t;
    }

    void note(SourceLocation at, String text) {
        session.note(at, text);
    }

    PyValue envLookup(String name) {
        return frame.env.get(name);
    }

    void envSet(String name, PyValue value) {
        frame.env.put(name, value);
    }

    // ---- statements ----

    void run(List<Stmt> statements) {
        execBlock(statements);
    }

    void execBlock(List<Stmt> statements) {
        blockDepth++;
        try {
            for (Stmt s : statements) {
                if (frame.raised || frame.pendingImport != null) {
                    return;
                }
                exec(s);
                if (blockDepth == 1 && frame.raised) {
                    frame.raised = false;
                }
            }
        } finally {
            blockDepth--;
        }
    }

    private void exec(Stmt s) {
        session.step(loc(s.span()));
        if (s instanceof Assign a) {
            PyValue value = eval(a.value());
            for (Expr target : a.targets()) {
                assign(target, value, a.span());
            }
        } else if (s instanceof AnnAssign a) {
            if (a.value() != null) {
                assign(a.target(), eval(a.value()), a.span());
            }
        } else if (s instanceof AugAssign a) {
            augmented(a);
        } else if (s instanceof ExprStmt e) {
            eval(e.value());
        } else if (s instanceof If i) {
            execIf(i);
        } else if (s instanceof Try t) {
            execTry(t);
        } else if (s instanceof With w) {
            for (WithItem item : w.items()) {
                eval(item.context());
                if (item.target() != null) {
                    assign(item.target(), new PyUnknown("bound by `with " + text(item.context().span())
                            + " as ...`, which is not evaluated", loc(item.target().span())), w.span());
                }
            }
            execBlock(w.body());
        } else if (s instanceof For f) {
            execFor(f);
        } else if (s instanceof While w) {
            execWhile(w);
        } else if (s instanceof Def d) {
            bind(d.name(), new PyObject(d.isClass() ? "class" : "function", Map.of(), loc(d.nameSpan())), loc(d.nameSpan()));
        } else if (s instanceof Del d) {
            for (Expr target : d.targets()) {
                delete(target, d.span());
            }
        } else if (s instanceof Raise r) {
            frame.raised = true;
            note(loc(r.span()), "`" + text(r.span()) + "` raises an exception when this line runs"
                    + (blockDepth == 1 ? "; Django would not start with these settings (connlint reads on)" : ""));
        } else if (s instanceof Import i) {
            execImport(i);
        } else if (s instanceof ImportFrom i) {
            execImportFrom(i);
        } else if (s instanceof Ignored i) {
        }
    }

    void bind(String name, PyValue value, SourceLocation at) {
        frame.names.put(name, value);
        frame.assignedAt.put(name, at);
    }

    private void assign(Expr target, PyValue value, Span statement) {
        if (target instanceof Name n) {
            bind(n.id(), value, loc(n.span()));
        } else if (target instanceof Attribute a) {
            PyValue object = eval(a.object());
            for (PyValue o : distinct(object)) {
                if (o instanceof PyObject po && po.attributes() instanceof LinkedHashMap<String, PyValue> attributes
                        && !Values.reaches(value, po)) {
                    attributes.put(a.name(), value);
                } else {
                    note(loc(statement), "`" + text(statement) + "` is not followed: "
                            + (o instanceof PyUnknown u ? "`" + text(a.object().span()) + "` is not known (" + u.reason() + ")"
                            : "connlint does not model attributes of " + describe(o)));
                }
            }
        } else if (target instanceof Subscript s) {
            PyValue object = eval(s.object());
            PyValue key = s.index() instanceof Slice ? null : eval(s.index());
            for (PyValue o : distinct(object)) {
                if (key == null) {
                    note(loc(statement), "`" + text(statement) + "` is not followed: slice assignment is not modelled");
                    continue;
                }
                for (PyValue k : distinct(key)) {
                    setItem(o, k, value, s, statement);
                }
            }
        } else if (target instanceof Collection c && c.kind() != CollectionKind.SET) {
            unpack(c, value, statement);
        } else if (target instanceof Starred st) {
            assign(st.value(), new PyUnknown("starred assignment is not modelled", loc(st.span())), statement);
        } else {
            note(loc(statement), "`" + text(statement) + "` is not followed");
        }
    }

    private void unpack(Collection targets, PyValue value, Span statement) {
        boolean starred = targets.items().stream().anyMatch(t -> t instanceof Starred);
        if (value instanceof PyList l && !starred && l.items().size() == targets.items().size()) {
            List<PyValue> items = List.copyOf(l.items());
            for (int i = 0; i < items.size(); i++) {
                assign(targets.items().get(i), items.get(i), statement);
            }
            return;
        }
        if (value instanceof PyStr s && !starred && s.value().codePointCount(0, s.value().length()) == targets.items().size()) {
            int[] cps = s.value().codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                assign(targets.items().get(i), new PyStr(new String(Character.toChars(cps[i])), s.at()), statement);
            }
            return;
        }
        int size = targets.items().size();
        List<PyValue> alternatives = Values.alternativesOf(value);
        if (value instanceof PyChoice && !starred && alternatives.stream()
                .allMatch(alt -> alt instanceof PyList l && l.items().size() == size)) {
            // Each alternative is a sequence of the right length (e.g. the items of a dict in a loop).
            for (int i = 0; i < size; i++) {
                int index = i;
                assign(targets.items().get(i), Values.lift(value, alt -> ((PyList) alt).items().get(index)), statement);
            }
            return;
        }
        String reason = value instanceof PyUnknown u ? u.reason()
                : "`" + text(targets.span()) + "` is unpacked from a value that is not known element by element";
        for (Expr t : targets.items()) {
            assign(t, new PyUnknown(reason, loc(t.span())), statement);
        }
    }

    private void setItem(PyValue object, PyValue key, PyValue value, Subscript target, Span statement) {
        String what = "`" + text(statement) + "` is not followed: ";
        if (object instanceof PyDict d) {
            String k = Values.keyOf(key);
            if (k == null) {
                note(loc(statement), what + "the key `" + text(target.index().span()) + "` is not known ("
                        + Values.reasonOf(key) + ")");
            } else if (Values.reaches(value, d)) {
                note(loc(statement), what + "it would make the dict contain itself");
            } else {
                d.entries().put(k, value);
            }
        } else if (object instanceof PyList l) {
            Integer i = index(key, l.items().size());
            if (l.tuple()) {
                note(loc(statement), what + "tuples cannot be changed (TypeError)");
            } else if (i == null) {
                note(loc(statement), what + "the index is not known or out of range");
            } else if (Values.reaches(value, l)) {
                note(loc(statement), what + "it would make the list contain itself");
            } else {
                l.items().set(i, value);
            }
        } else if (object instanceof PyObject o && o.kind().equals("os.environ")) {
            if (key instanceof PyStr k) {
                PyValue v = value instanceof PyStr || value instanceof PyUnknown ? value
                        : new PyUnknown("os.environ only takes strings (TypeError)", value.at());
                envSet(k.value(), v);
            } else {
                note(loc(statement), what + "the variable's name is not known");
            }
        } else if (object instanceof PyUnknown u) {
            note(loc(statement), what + "`" + text(target.object().span()) + "` is not known (" + u.reason() + ")");
        } else {
            note(loc(statement), what + "connlint does not model item assignment on " + describe(object));
        }
    }

    static Integer index(PyValue key, int size) {
        if (!(key instanceof PyInt || key instanceof PyBool)) {
            return null;
        }
        long i = Values.asLong(key);
        if (i < 0) {
            i += size;
        }
        return i >= 0 && i < size ? (int) i : null;
    }

    private void delete(Expr target, Span statement) {
        if (target instanceof Name n) {
            frame.names.remove(n.id());
            frame.assignedAt.remove(n.id());
        } else if (target instanceof Subscript s && !(s.index() instanceof Slice)) {
            PyValue object = eval(s.object());
            PyValue key = eval(s.index());
            for (PyValue o : distinct(object)) {
                if (o instanceof PyDict d && Values.keyOf(key) != null) {
                    d.entries().remove(Values.keyOf(key));
                } else if (o instanceof PyList l && !l.tuple() && index(key, l.items().size()) != null) {
                    l.items().remove((int) index(key, l.items().size()));
                } else if (o instanceof PyObject env && env.kind().equals("os.environ") && key instanceof PyStr k) {
                    frame.env.remove(k.value());
                } else {
                    note(loc(statement), "`" + text(statement) + "` is not followed");
                }
            }
        } else if (target instanceof Collection c) {
            c.items().forEach(t -> delete(t, statement));
        } else {
            note(loc(statement), "`" + text(statement) + "` is not followed");
        }
    }

    private void augmented(AugAssign a) {
        PyValue current = eval(a.target());
        PyValue operand = eval(a.value());
        String op = a.op();
        String opText = text(a.span());
        SourceLocation at = loc(a.span());
        // list += iterable and dict |= mapping change the object in place (list.__iadd__, dict.__ior__).
        if (op.equals("+") && current instanceof PyList l && !l.tuple()) {
            List<PyValue> items = Calls.iterate(operand);
            if (items == null) {
                note(at, "`" + opText + "` is not followed: " + Values.reasonOf(operand));
                assign(a.target(), new PyUnknown("extended by `" + opText + "`, which is not known", at), a.span());
            } else if (items.stream().anyMatch(v -> Values.reaches(v, l)) || l.items().size() + items.size() > Values.MAX_ITEMS) {
                assign(a.target(), new PyUnknown("extended by `" + opText + "`, which is not followed", at), a.span());
            } else {
                l.items().addAll(items);
            }
            return;
        }
        if (op.equals("|") && current instanceof PyDict d && operand instanceof PyDict o) {
            if (!Values.reaches(o, d)) {
                d.entries().putAll(o.entries());
            }
            return;
        }
        PyValue result = Values.lift2(current, operand, (x, y) -> Values.binary(op, x, y, opText, at));
        assign(a.target(), result, a.span());
    }

    // ---- if, try, loops ----

    private void execIf(If s) {
        PyValue condition = eval(s.condition());
        Boolean truth = Values.truthy(condition);
        if (truth != null) {
            execBlock(truth ? s.body() : s.orElse());
            return;
        }
        String conditionText = text(s.condition().span());
        note(loc(s.span()), "both branches of `" + s.keyword() + " " + conditionText + "` considered (the condition is"
                + " unknown: " + Values.reasonOf(condition) + ")");
        branches(conditionText, loc(s.condition().span()), () -> execBlock(s.body()), () -> execBlock(s.orElse()));
    }

    /** Evaluates two paths from the current state and merges them. */
    private void branches(String condition, SourceLocation at, Runnable whenTrue, Runnable whenFalse) {
        Frame before = frame;
        Map<String, SourceLocation> assignedBefore = new LinkedHashMap<>(before.assignedAt);
        Frame other = copy(before);
        int savedCatch = importCatch;
        importCatch = 0;
        try {
            frame = before;
            whenTrue.run();
            Frame thenFrame = frame;
            frame = other;
            whenFalse.run();
            Frame elseFrame = frame;
            frame = merge(condition, at, thenFrame, elseFrame, assignedBefore);
        } finally {
            importCatch = savedCatch;
        }
    }

    private Frame copy(Frame f) {
        Values.Copier copier = new Values.Copier(session.budget);
        Frame c = new Frame();
        c.names = copier.copyMap(f.names, 0);
        c.assignedAt = new LinkedHashMap<>(f.assignedAt);
        c.env = new LinkedHashMap<>(f.env);
        c.raised = f.raised;
        return c;
    }

    private Frame merge(String condition, SourceLocation at, Frame t, Frame e, Map<String, SourceLocation> assignedBefore) {
        if (t.raised && !e.raised) {
            note(at, "the branch where `" + condition + "` is true raises an exception; only the other branch is read on");
            return e;
        }
        if (e.raised && !t.raised) {
            note(at, "the branch where `" + condition + "` is false raises an exception; only the other branch is read on");
            return t;
        }
        if (t.raised) {
            return t;
        }
        Values.Merger merger = new Values.Merger(condition, at, session.budget);
        Frame m = new Frame();
        Set<String> keys = new LinkedHashSet<>(t.names.keySet());
        keys.addAll(e.names.keySet());
        for (String key : keys) {
            PyValue tv = t.names.get(key);
            PyValue ev = e.names.get(key);
            PyValue merged;
            if (tv != null && ev != null) {
                merged = merger.merge(tv, ev, 0);
            } else if (tv != null) {
                merged = Values.choice(condition, tv, new PyUnknown("`" + key + "` is not assigned when `" + condition
                        + "` is false", at), at);
            } else {
                merged = Values.choice(condition, new PyUnknown("`" + key + "` is not assigned when `" + condition
                        + "` is true", at), ev, at);
            }
            m.names.put(key, merged);
            SourceLocation tl = t.assignedAt.get(key);
            SourceLocation el = e.assignedAt.get(key);
            SourceLocation chosen = el != null && !el.equals(assignedBefore.get(key)) ? el : tl != null ? tl : el;
            if (chosen != null) {
                m.assignedAt.put(key, chosen);
            }
        }
        m.env = new LinkedHashMap<>();
        Set<String> envKeys = new LinkedHashSet<>(t.env.keySet());
        envKeys.addAll(e.env.keySet());
        for (String key : envKeys) {
            PyValue tv = t.env.get(key);
            PyValue ev = e.env.get(key);
            m.env.put(key, tv != null && ev != null && Values.sameScalar(tv, ev) ? tv
                    : new PyUnknown("environment variable " + key + " is set differently depending on `" + condition + "`", at));
        }
        return m;
    }

    private void execTry(Try t) {
        Handler catching = null;
        for (Handler h : t.handlers()) {
            if (catchesImportError(h.type())) {
                catching = h;
                break;
            }
        }
        if (catching != null) {
            importCatch++;
        }
        try {
            execBlock(t.body());
        } finally {
            if (catching != null) {
                importCatch--;
            }
        }
        if (frame.pendingImport != null && catching != null) {
            note(frame.pendingImportAt, frame.pendingImport + " not found: the ImportError branch applies");
            frame.pendingImport = null;
            frame.pendingImportAt = null;
            if (catching.name() != null) {
                bind(catching.name(), new PyUnknown("the ImportError", loc(catching.span())), loc(catching.span()));
            }
            execBlock(catching.body());
        } else if (frame.raised && !t.handlers().isEmpty()) {
            frame.raised = false;
            note(loc(t.span()), "an exception raised in the `try` body is taken as handled; the `except` branches are"
                    + " not evaluated");
        } else if (frame.pendingImport == null && !frame.raised) {
            execBlock(t.orElse());
        }
        String pending = frame.pendingImport;
        SourceLocation pendingAt = frame.pendingImportAt;
        boolean raised = frame.raised;
        frame.pendingImport = null;
        frame.raised = false;
        execBlock(t.finalBody());
        if (pending != null) {
            frame.pendingImport = pending;
            frame.pendingImportAt = pendingAt;
        }
        frame.raised |= raised;
    }

    private static boolean catchesImportError(Expr type) {
        if (type == null) {
            return true;
        }
        if (type instanceof Name n) {
            return Set.of("ImportError", "ModuleNotFoundError", "Exception", "BaseException").contains(n.id());
        } else if (type instanceof Attribute a) {
            return Set.of("ImportError", "ModuleNotFoundError", "Exception", "BaseException").contains(a.name());
        } else if (type instanceof Collection c) {
            return c.items().stream().anyMatch(Evaluator::catchesImportError);
        } else {
            return false;
        }
    }

    private void execFor(For f) {
        PyValue iterable = eval(f.iterable());
        List<PyValue> items = Calls.iterate(iterable);
        String header = "for " + text(f.target().span()) + " in " + text(f.iterable().span());
        SourceLocation at = loc(f.span());
        Set<String> assigned = new LinkedHashSet<>();
        assignedNames(f.target(), assigned);
        assignedNames(f.body(), assigned);
        if (items != null && items.isEmpty()) {
            execBlock(f.orElse());
            return;
        }
        Runnable body = () -> {
            PyValue element;
            if (items == null) {
                element = new PyUnknown("the items of `" + text(f.iterable().span()) + "` are not known ("
                        + Values.reasonOf(iterable) + ")", loc(f.target().span()));
            } else {
                element = items.get(items.size() - 1);
                for (int i = items.size() - 2; i >= 0; i--) {
                    element = Values.choice(header, items.get(i), element, loc(f.target().span()));
                }
            }
            assign(f.target(), element, f.span());
            execBlock(f.body());
            frame.raised = false;
        };
        if (items == null) {
            note(at, "the body of `" + header + "` is read as if it ran once or not at all (the items are not known)");
            branches(header, at, body, () -> { });
        } else {
            body.run();
        }
        for (String name : assigned) {
            if (frame.names.containsKey(name)) {
                frame.names.put(name, new PyUnknown("assigned in a loop (`" + header + "` at line " + f.span().line() + ")", at));
            }
        }
        execBlock(f.orElse());
    }

    private void execWhile(While w) {
        PyValue condition = eval(w.condition());
        Boolean truth = Values.truthy(condition);
        String header = "while " + text(w.condition().span());
        SourceLocation at = loc(w.span());
        if (Boolean.FALSE.equals(truth)) {
            execBlock(w.orElse());
            return;
        }
        Set<String> assigned = new LinkedHashSet<>();
        assignedNames(w.body(), assigned);
        Runnable body = () -> {
            execBlock(w.body());
            frame.raised = false;
        };
        if (truth == null) {
            note(at, "the body of `" + header + "` is read as if it ran once or not at all (the condition is not known)");
            branches(header, at, body, () -> { });
        } else {
            body.run();
        }
        for (String name : assigned) {
            if (frame.names.containsKey(name)) {
                frame.names.put(name, new PyUnknown("assigned in a loop (`" + header + "` at line " + w.span().line() + ")", at));
            }
        }
        execBlock(w.orElse());
    }

    private static void assignedNames(List<Stmt> statements, Set<String> out) {
        for (Stmt s : statements) {
            if (s instanceof Assign a) {
                a.targets().forEach(t -> assignedNames(t, out));
            } else if (s instanceof AnnAssign a) {
                assignedNames(a.target(), out);
            } else if (s instanceof AugAssign a) {
                assignedNames(a.target(), out);
            } else if (s instanceof If i) {
                assignedNames(i.body(), out);
                assignedNames(i.orElse(), out);
            } else if (s instanceof Try t) {
                assignedNames(t.body(), out);
                t.handlers().forEach(h -> {
                    if (h.name() != null) {
                        out.add(h.name());
                    }
                    assignedNames(h.body(), out);
                });
                assignedNames(t.orElse(), out);
                assignedNames(t.finalBody(), out);
            } else if (s instanceof With w) {
                w.items().forEach(item -> {
                    if (item.target() != null) {
                        assignedNames(item.target(), out);
                    }
                });
                assignedNames(w.body(), out);
            } else if (s instanceof For f) {
                assignedNames(f.target(), out);
                assignedNames(f.body(), out);
                assignedNames(f.orElse(), out);
            } else if (s instanceof While w) {
                assignedNames(w.body(), out);
                assignedNames(w.orElse(), out);
            } else if (s instanceof Def d) {
                out.add(d.name());
            } else if (s instanceof Import i) {
                i.names().forEach(al -> out.add(al.asName() != null ? al.asName() : al.name().split("\\.")[0]));
            } else if (s instanceof ImportFrom i) {
                i.names().forEach(al -> out.add(al.asName() != null ? al.asName() : al.name()));
            } else {
            }
        }
    }

    private static void assignedNames(Expr target, Set<String> out) {
        if (target instanceof Name n) {
            out.add(n.id());
        } else if (target instanceof Collection c) {
            c.items().forEach(t -> assignedNames(t, out));
        } else if (target instanceof Starred s) {
            assignedNames(s.value(), out);
        } else {
        }
    }

    // ---- imports ----

    private void execImport(Import s) {
        for (Alias alias : s.names()) {
            String dotted = alias.name();
            SourceLocation at = loc(alias.span());
            if (alias.asName() == null) {
                String top = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
                PyValue module = dotted.contains(".") ? new PyObject("module " + top, Map.of(), at) : importModule(dotted, s);
                if (frame.pendingImport != null) {
                    return;
                }
                bind(top, module, at);
            } else {
                PyValue module = importModule(dotted, s);
                if (frame.pendingImport != null) {
                    return;
                }
                bind(alias.asName(), module, at);
            }
        }
    }

    /** {@code import a.b}: a native, a module of the project, or an external one. */
    private PyValue importModule(String dotted, Stmt s) {
        SourceLocation at = loc(s.span());
        if (Calls.isNativeModule(dotted)) {
            return new PyObject("module " + dotted, Map.of(), at);
        }
        PythonReader.Resolved r = session.resolveAbsolute(file, dotted);
        if (r.file() != null) {
            PythonReader.Module m = session.importModule(r.file(), this, at);
            return m == null ? new PyUnknown("module " + dotted + " could not be read", at)
                    : new PyObject("module " + dotted, m.names(), at);
        }
        if (r.inProject()) {
            return importFailed(r.expected(), s, "module " + dotted);
        }
        return new PyObject("module " + dotted, Map.of(), at);
    }

    private PyValue importFailed(String expected, Stmt s, String what) {
        SourceLocation at = loc(s.span());
        if (importCatch > 0) {
            frame.pendingImport = expected;
            frame.pendingImportAt = at;
        } else {
            note(at, expected + " not found: `" + text(s.span()) + "` is not followed and the names it would define are"
                    + " not known");
        }
        return new PyUnknown(what + " is not found (" + expected + " does not exist)", at);
    }

    private void execImportFrom(ImportFrom s) {
        SourceLocation at = loc(s.span());
        String shown = ".".repeat(s.level()) + (s.module() == null ? "" : s.module());
        if (s.level() == 0 && Calls.isNativeModule(s.module())) {
            if (s.star()) {
                note(at, "`" + text(s.span()) + "`: the names of " + s.module() + " are not imported (only named imports of"
                        + " it are modelled)");
                return;
            }
            for (Alias alias : s.names()) {
                bind(alias.asName() != null ? alias.asName() : alias.name(),
                        calls.moduleAttribute(s.module(), alias.name(), loc(alias.span())), loc(alias.span()));
            }
            return;
        }
        if (s.level() > 0 && s.module() == null) {
            importFromPackage(s, at);
            return;
        }
        PythonReader.Resolved r = s.level() > 0 ? session.resolveRelative(file, s.level(), s.module())
                : session.resolveAbsolute(file, s.module());
        if (r.file() == null && !r.inProject()) {
            if (s.star()) {
                note(at, "`" + text(s.span()) + "`: " + shown + " is not in the project, so the names it defines are not"
                        + " known");
                return;
            }
            for (Alias alias : s.names()) {
                bind(alias.asName() != null ? alias.asName() : alias.name(),
                        new PyUnknown("`" + alias.name() + "` comes from " + shown + ", which is not in the project",
                                loc(alias.span())), loc(alias.span()));
            }
            return;
        }
        if (r.file() == null) {
            PyValue missing = importFailed(r.expected(), s, "module " + shown);
            if (frame.pendingImport == null) {
                for (Alias alias : s.names()) {
                    bind(alias.asName() != null ? alias.asName() : alias.name(), missing, loc(alias.span()));
                }
            }
            return;
        }
        PythonReader.Module m = session.importModule(r.file(), this, at);
        if (m == null) {
            for (Alias alias : s.names()) {
                bind(alias.asName() != null ? alias.asName() : alias.name(),
                        new PyUnknown("module " + shown + " could not be read", loc(alias.span())), loc(alias.span()));
            }
            return;
        }
        if (s.star()) {
            for (String name : publicNames(m.names())) {
                PyValue v = m.names().get(name);
                if (v != null) {
                    SourceLocation where = m.assignedAt().get(name);
                    bind(name, v, where != null ? where : at);
                }
            }
            return;
        }
        for (Alias alias : s.names()) {
            PyValue v = m.names().get(alias.name());
            String bound = alias.asName() != null ? alias.asName() : alias.name();
            if (v == null) {
                PythonReader.Resolved sub = session.resolveRelativeIn(r.file(), alias.name());
                if (sub != null && sub.file() != null) {
                    PythonReader.Module subModule = session.importModule(sub.file(), this, at);
                    v = subModule == null ? new PyUnknown("module " + alias.name() + " could not be read", at)
                            : new PyObject("module " + alias.name(), subModule.names(), at);
                    bind(bound, v, loc(alias.span()));
                    continue;
                }
                note(loc(alias.span()), "`" + alias.name() + "` is not defined in " + m.path() + " (ImportError when the"
                        + " settings load)");
                bind(bound, new PyUnknown("`" + alias.name() + "` is not defined in " + m.path(), loc(alias.span())),
                        loc(alias.span()));
                continue;
            }
            SourceLocation where = m.assignedAt().get(alias.name());
            bind(bound, v, alias.asName() == null && where != null ? where : loc(alias.span()));
        }
    }

    /** {@code from . import a, b}: submodules of the package, or names its __init__.py defines. */
    private void importFromPackage(ImportFrom s, SourceLocation at) {
        for (Alias alias : s.names()) {
            String bound = alias.asName() != null ? alias.asName() : alias.name();
            PythonReader.Resolved r = session.resolveRelative(file, s.level(), alias.name());
            if (r.file() != null) {
                PythonReader.Module m = session.importModule(r.file(), this, at);
                bind(bound, m == null ? new PyUnknown("module " + alias.name() + " could not be read", at)
                        : new PyObject("module " + alias.name(), m.names(), at), loc(alias.span()));
                continue;
            }
            PythonReader.Resolved init = session.resolvePackageInit(file, s.level());
            if (init != null && init.file() != null) {
                PythonReader.Module m = session.importModule(init.file(), this, at);
                PyValue v = m == null ? null : m.names().get(alias.name());
                if (v != null) {
                    bind(bound, v, loc(alias.span()));
                    continue;
                }
            }
            PyValue missing = importFailed(r.expected(), s, "module " + alias.name());
            if (frame.pendingImport != null) {
                return;
            }
            bind(bound, missing, loc(alias.span()));
        }
    }

    private static List<String> publicNames(Map<String, PyValue> names) {
        if (names.get("__all__") instanceof PyList all) {
            List<String> out = new ArrayList<>();
            for (PyValue v : all.items()) {
                if (v instanceof PyStr s) {
                    out.add(s.value());
                }
            }
            return out;
        }
        return names.keySet().stream().filter(n -> !n.startsWith("_")).toList();
    }

    // ---- expressions ----

    PyValue eval(Expr e) {
        session.budget.spend(1);
        SourceLocation at = loc(e.span());
        if (e instanceof NoneLit n) {
            return new PyNone(at);
        } else if (e instanceof BoolLit b) {
            return new PyBool(b.value(), at);
        } else if (e instanceof IntLit i) {
            return new PyInt(i.value(), at);
        } else if (e instanceof FloatLit f) {
            return new PyFloat(f.value(), at);
        } else if (e instanceof StrLit s) {
            return new PyStr(s.value(), at);
        } else if (e instanceof Ast.Opaque o) {
            return new PyUnknown(o.reason(), at);
        } else if (e instanceof Name n) {
            return lookup(n);
        } else if (e instanceof Attribute a) {
            return calls.attribute(eval(a.object()), a.name(), text(a.span()), at);
        } else if (e instanceof Subscript s) {
            return subscript(s, at);
        } else if (e instanceof Call c) {
            return call(c, at);
        } else if (e instanceof Collection c) {
            return collection(c, at);
        } else if (e instanceof DictDisplay d) {
            return dict(d, at);
        } else if (e instanceof Unary u) {
            return unary(u, at);
        } else if (e instanceof Binary b) {
            PyValue left = eval(b.left());
            PyValue right = eval(b.right());
            String t = text(b.span());
            return Values.lift2(left, right, (x, y) -> Values.binary(b.op(), x, y, t, at));
        } else if (e instanceof BoolOp b) {
            return boolOp(b, at);
        } else if (e instanceof Compare c) {
            return compare(c, at);
        } else if (e instanceof IfExp i) {
            PyValue condition = eval(i.condition());
            Boolean truth = Values.truthy(condition);
            if (truth != null) {
                return eval(truth ? i.then() : i.orElse());
            }
            return Values.choice(text(i.condition().span()), eval(i.then()), eval(i.orElse()), at);
        } else if (e instanceof Walrus w) {
            PyValue v = eval(w.value());
            bind(w.name(), v, at);
            return v;
        } else if (e instanceof Starred s) {
            return new PyUnknown("a starred expression outside a display is not evaluated", at);
        } else if (e instanceof Slice s) {
            return new PyUnknown("a slice outside a subscript is not evaluated", at);
        }
        throw new IllegalStateException("unreachable");
    }

    private PyValue lookup(Name n) {
        PyValue v = frame.names.get(n.id());
        if (v != null) {
            return v;
        }
        SourceLocation at = loc(n.span());
        return switch (n.id()) {
            case "__file__" -> new PyUnknown("__file__ is where the settings are installed, which is not known statically", at);
            case "__name__" -> new PyStr(moduleName(), at);
            default -> {
                PyValue builtin = Calls.builtin(n.id(), at);
                yield builtin != null ? builtin : new PyUnknown("`" + n.id() + "` is not defined in " + path
                        + " or the modules it imports (NameError if this line runs)", at);
            }
        };
    }

    private String moduleName() {
        String p = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
        if (p.endsWith("/__init__")) {
            p = p.substring(0, p.length() - "/__init__".length());
        }
        return p.replace('/', '.');
    }

    private PyValue subscript(Subscript s, SourceLocation at) {
        PyValue object = eval(s.object());
        String t = text(s.span());
        if (s.index() instanceof Slice slice) {
            PyValue lower = slice.lower() == null ? new PyNone(at) : eval(slice.lower());
            PyValue upper = slice.upper() == null ? new PyNone(at) : eval(slice.upper());
            PyValue step = slice.step() == null ? new PyNone(at) : eval(slice.step());
            return Values.lift(object, o -> Calls.slice(o, lower, upper, step, t, at));
        }
        PyValue key = eval(s.index());
        return Values.lift2(object, key, (o, k) -> calls.item(o, k, t, at));
    }

    private PyValue call(Call c, SourceLocation at) {
        String t = text(c.span());
        PyValue receiver = null;
        String method = null;
        PyValue function = null;
        if (c.function() instanceof Attribute a) {
            receiver = eval(a.object());
            method = a.name();
        } else {
            function = eval(c.function());
        }
        List<PyValue> positional = new ArrayList<>();
        LinkedHashMap<String, PyValue> keywords = new LinkedHashMap<>();
        boolean unpacked = false;
        for (Arg arg : c.args()) {
            PyValue v = eval(arg.value());
            if (arg.star() > 0) {
                unpacked = true;
            } else if (arg.keyword() != null) {
                keywords.put(arg.keyword(), v);
            } else {
                positional.add(v);
            }
        }
        if (unpacked) {
            if (receiver != null && MUTATORS.contains(method) && !(receiver instanceof PyUnknown)) {
                note(at, "`" + t + "` is not followed: arguments unpacked with * or ** are not modelled");
            }
            return new PyUnknown("`" + t + "` is not evaluated: arguments unpacked with * or ** are not modelled", at);
        }
        Calls.Args args = new Calls.Args(positional, keywords, t, at);
        if (receiver != null) {
            if (MUTATORS.contains(method) && !(receiver instanceof PyObject)) {
                String objectText = text(((Attribute) c.function()).object().span());
                for (PyValue alt : Values.alternativesOf(receiver)) {
                    if (alt instanceof PyUnknown u) {
                        note(at, "`" + t + "` is not followed: `" + objectText + "` is not known (" + u.reason() + ")");
                        break;
                    }
                }
            }
            String name = method;
            IdentityHashMap<PyValue, PyValue> done = new IdentityHashMap<>();
            return Values.lift(receiver, r -> done.computeIfAbsent(r, x -> calls.method(x, name, args)));
        }
        return Values.lift(function, f -> calls.call(f, args));
    }

    private PyValue collection(Collection c, SourceLocation at) {
        if (c.kind() == CollectionKind.SET) {
            for (Expr item : c.items()) {
                eval(item);
            }
            return new PyUnknown("sets are not modelled", at);
        }
        List<PyValue> items = new ArrayList<>();
        for (Expr item : c.items()) {
            if (item instanceof Starred s) {
                PyValue v = eval(s.value());
                List<PyValue> spread = Calls.iterate(v);
                if (spread == null) {
                    return new PyUnknown("it unpacks `" + text(s.value().span()) + "`, which is not known ("
                            + Values.reasonOf(v) + ")", at);
                }
                items.addAll(spread);
            } else {
                items.add(eval(item));
            }
            if (items.size() > Values.MAX_ITEMS) {
                return Values.tooLong(at);
            }
        }
        session.budget.spend(items.size());
        return new PyList(items, c.kind() == CollectionKind.TUPLE, at);
    }

    private PyValue dict(DictDisplay d, SourceLocation at) {
        PyDict result = PyDict.empty(at);
        for (DictItem item : d.items()) {
            if (item.key() == null) {
                PyValue splat = eval(item.value());
                if (!(splat instanceof PyDict sd)) {
                    return new PyUnknown("it unpacks `**" + text(item.value().span()) + "`, which is not a known dict ("
                            + Values.reasonOf(splat) + ")", at);
                }
                session.budget.spend(sd.entries().size());
                result.entries().putAll(sd.entries());
                continue;
            }
            session.budget.spend(1);
            PyValue key = eval(item.key());
            PyValue value = eval(item.value());
            String k = Values.keyOf(key);
            result.entries().put(k != null ? k : "<" + text(item.key().span()) + ">", value);
        }
        return result;
    }

    private PyValue unary(Unary u, SourceLocation at) {
        PyValue operand = eval(u.operand());
        String t = text(u.span());
        return Values.lift(operand, v -> {
            if (u.op().equals("not")) {
                Boolean truth = Values.truthy(v);
                return truth == null ? new PyUnknown(Values.reasonOf(v), at) : new PyBool(!truth, at);
            }
            if (v instanceof PyUnknown x) {
                return new PyUnknown(x.reason(), at);
            }
            if (!Values.isNumber(v)) {
                return new PyUnknown("`" + t + "` raises TypeError (bad operand type for unary " + u.op() + ")", at);
            }
            return switch (u.op()) {
                case "-" -> v instanceof PyFloat f ? new PyFloat(-f.value(), at)
                        : Values.asLong(v) == Long.MIN_VALUE ? new PyUnknown("`" + t + "` is beyond 64 bits", at)
                        : new PyInt(-Values.asLong(v), at);
                case "+" -> v instanceof PyFloat f ? new PyFloat(f.value(), at) : new PyInt(Values.asLong(v), at);
                default -> v instanceof PyFloat ? new PyUnknown("`" + t + "` raises TypeError (bad operand type for unary ~)", at)
                        : new PyInt(~Values.asLong(v), at);
            };
        });
    }

    private PyValue boolOp(BoolOp b, SourceLocation at) {
        PyValue left = eval(b.left());
        Boolean truth = Values.truthy(left);
        boolean and = b.op().equals("and");
        if (truth != null) {
            return truth == and ? eval(b.right()) : left;
        }
        PyValue right = eval(b.right());
        String condition = text(b.left().span());
        return and ? Values.choice(condition, right, left, at) : Values.choice(condition, left, right, at);
    }

    private PyValue compare(Compare c, SourceLocation at) {
        PyValue left = eval(c.first());
        boolean unknown = false;
        String reason = null;
        String t = text(c.span());
        for (int i = 0; i < c.ops().size(); i++) {
            PyValue right = eval(c.rest().get(i));
            String op = c.ops().get(i);
            PyValue lhs = left;
            PyValue r = Values.lift2(lhs, right, (x, y) -> calls.compare(op, x, y, t, at));
            Boolean truth = r instanceof PyBool pb ? Boolean.valueOf(pb.value()) : Values.truthy(r);
            if (truth == null) {
                unknown = true;
                reason = reason == null ? Values.reasonOf(r) : reason;
            } else if (!truth) {
                return new PyBool(false, at);
            }
            left = right;
        }
        return unknown ? new PyUnknown(reason, at) : new PyBool(true, at);
    }

    private static String describe(PyValue v) {
        if (v instanceof PyObject o) {
            return o.kind();
        } else if (v instanceof PyStr s) {
            return "a str";
        } else if (v instanceof PyInt i) {
            return "an int";
        } else if (v instanceof PyFloat f) {
            return "a float";
        } else if (v instanceof PyBool b) {
            return "a bool";
        } else if (v instanceof PyNone n) {
            return "None";
        } else if (v instanceof PyList l) {
            return l.tuple() ? "a tuple" : "a list";
        } else if (v instanceof PyDict d) {
            return "a dict";
        } else if (v instanceof PyChoice c) {
            return "alternatives";
        } else if (v instanceof PyUnknown u) {
            return "an unknown value";
        }
        throw new IllegalStateException("unreachable");
    }

    /** The alternatives of a value, each object once. */
    static List<PyValue> distinct(PyValue v) {
        List<PyValue> out = new ArrayList<>();
        IdentityHashMap<PyValue, Boolean> seen = new IdentityHashMap<>();
        for (PyValue alt : Values.alternativesOf(v)) {
            if (seen.put(alt, true) == null) {
                out.add(alt);
            }
        }
        return out;
    }
}
