package io.connlint.core.read.python;

import java.util.List;

/** The syntax tree of the Python subset connlint evaluates; the rest parses to {@link Opaque}. */
final class Ast {

    private Ast() {
    }

    /** Where a node stands: 1-based line and column of its first character, and its text's offsets. */
    record Span(int line, int col, int start, int end) {
        Span to(Span last) {
            return new Span(line, col, start, Math.max(end, last.end));
        }
    }

    sealed interface Expr {
        Span span();
    }

    record NoneLit(Span span) implements Expr {
    }

    record BoolLit(boolean value, Span span) implements Expr {
    }

    record IntLit(long value, Span span) implements Expr {
    }

    record FloatLit(double value, Span span) implements Expr {
    }

    record StrLit(String value, Span span) implements Expr {
    }

    /** An expression connlint parses but does not evaluate (lambda, comprehension, f-string, …). */
    record Opaque(String reason, Span span) implements Expr {
    }

    record Name(String id, Span span) implements Expr {
    }

    record Attribute(Expr object, String name, Span span) implements Expr {
    }

    record Subscript(Expr object, Expr index, Span span) implements Expr {
    }

    record Slice(Expr lower, Expr upper, Expr step, Span span) implements Expr {
    }

    /** {@code keyword} is null for a positional argument; {@code star} is 1 for *x, 2 for **x. */
    record Arg(String keyword, int star, Expr value) {
    }

    record Call(Expr function, List<Arg> args, Span span) implements Expr {
    }

    enum CollectionKind { LIST, TUPLE, SET }

    record Collection(CollectionKind kind, List<Expr> items, Span span) implements Expr {
    }

    record Starred(Expr value, Span span) implements Expr {
    }

    /** {@code key} is null for a {@code **splat}. */
    record DictItem(Expr key, Expr value) {
    }

    record DictDisplay(List<DictItem> items, Span span) implements Expr {
    }

    /** {@code op}: "-", "+", "~", "not". */
    record Unary(String op, Expr operand, Span span) implements Expr {
    }

    record Binary(String op, Expr left, Expr right, Span span) implements Expr {
    }

    /** {@code op}: "and", "or". */
    record BoolOp(String op, Expr left, Expr right, Span span) implements Expr {
    }

    /** {@code ops}: "<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not". */
    record Compare(Expr first, List<String> ops, List<Expr> rest, Span span) implements Expr {
    }

    record IfExp(Expr condition, Expr then, Expr orElse, Span span) implements Expr {
    }

    record Walrus(String name, Expr value, Span span) implements Expr {
    }

    // ---- statements ----

    sealed interface Stmt {
        Span span();
    }

    record Alias(String name, String asName, Span span) {
    }

    record Import(List<Alias> names, Span span) implements Stmt {
    }

    /** {@code module} is null in {@code from . import x}; {@code names} is empty for {@code *}. */
    record ImportFrom(int level, String module, List<Alias> names, boolean star, Span span) implements Stmt {
    }

    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {
    }

    record AnnAssign(Expr target, Expr value, Span span) implements Stmt {
    }

    record AugAssign(Expr target, String op, Expr value, Span span) implements Stmt {
    }

    record ExprStmt(Expr value, Span span) implements Stmt {
    }

    /** {@code keyword} is "if" or "elif" (an elif is an If in the else part of the one before). */
    record If(String keyword, Expr condition, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {
    }

    record Handler(Expr type, String name, List<Stmt> body, Span span) {
    }

    record Try(List<Stmt> body, List<Handler> handlers, List<Stmt> orElse, List<Stmt> finalBody, Span span)
            implements Stmt {
    }

    record WithItem(Expr context, Expr target) {
    }

    record With(List<WithItem> items, List<Stmt> body, Span span) implements Stmt {
    }

    record For(Expr target, Expr iterable, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {
    }

    record While(Expr condition, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {
    }

    /** A {@code def} or {@code class}; its body is parsed but not kept. */
    record Def(String name, boolean isClass, Span nameSpan, Span span) implements Stmt {
    }

    record Del(List<Expr> targets, Span span) implements Stmt {
    }

    record Raise(Span span) implements Stmt {
    }

    /** pass, break, continue, return, global, nonlocal, assert: nothing to evaluate. */
    record Ignored(String keyword, Span span) implements Stmt {
    }
}
