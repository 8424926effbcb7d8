package io.connlint.core.read.python;

import io.connlint.core.model.ReadProblem;
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
import io.connlint.core.read.python.Token.Kind;
import io.connlint.core.read.python.Token.Literal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for Python 3 statements and expressions (the grammar of
 * docs.python.org/3/reference/grammar.html, without type parameters and {@code match}). It is
 * total: a statement that does not parse gives one {@link ReadProblem} at the first token that
 * does not fit, saying what was expected, and parsing resumes at the next statement no deeper
 * than the bad one (the bad statement's indented block is skipped with it).
 */
final class Parser {

    /** Brackets, blocks and prefix operators nested deeper are refused. */
    static final int MAX_NESTING = 100;
    /** Deeper syntax trees (e.g. a chain of thousands of {@code +}) are refused. */
    static final int MAX_EXPRESSION_DEPTH = 500;

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("None", "True", "False", "not", "lambda", "await", "yield");
    private static final String[] EXPRESSION_OPS = {"(", "[", "{", "-", "+", "~", "*", "..."};
    private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=",
            "&=", "|=", "^=", "@=");
    private static final String[] COMPARISONS = {"<", ">", "==", ">=", "<=", "!="};

    record Result(List<Stmt> statements, List<ReadProblem> problems) {
    }

    /** A statement that does not parse; unwinds to the statement loop. */
    private static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Token at;
        private final int index;

        ParseError(Token at, int index, String message) {
            super(message, null, false, false);
            this.at = at;
            this.index = index;
        }
    }

    private final List<Token> tokens;
    private final String src;
    private final String path;
    private final List<ReadProblem> problems = new ArrayList<>();
    private final Map<Expr, Integer> depths = new IdentityHashMap<>();
    private int p;
    private int lastEnd;
    private int nesting;

    private Parser(List<Token> tokens, String src, String path) {
        this.tokens = tokens;
        this.src = src;
        this.path = path;
    }

    static Result parse(String src, String path) {
        Parser parser = new Parser(Lexer.tokenize(src), src, path);
        List<Stmt> statements = new ArrayList<>();
        while (parser.tokens.get(parser.p).kind() != Kind.EOF) {
            parser.statementWithRecovery(statements);
            parser.depths.clear();
        }
        return new Result(statements, parser.problems);
    }

    // ---- statements and recovery ----

    private void statementWithRecovery(List<Stmt> out) {
        int start = p;
        Token first = tokens.get(p);
        try {
            statement(out);
        } catch (ParseError e) {
            report(first, e);
            skipStatement();
        }
        if (p == start && tokens.get(p).kind() != Kind.EOF) {
            p++;
        }
    }

    private void report(Token first, ParseError e) {
        String lineText = lineOf(first);
        String trimmed = lineText.strip();
        for (String marker : List.of("<<<<<<<", "=======", ">>>>>>>", "|||||||")) {
            if (trimmed.startsWith(marker) && first.col() == 1 + (lineText.length() - lineText.stripLeading().length())) {
                problems.add(problem(first, "not Python: a merge conflict marker '" + marker + "'; expected a Python statement"));
                return;
            }
        }
        Token at = e.at;
        int i = e.index;
        Token brace = null;
        if (i >= 0 && at.isOp("{") && i + 1 < tokens.size() && tokens.get(i + 1).start() == at.end()
                && (tokens.get(i + 1).isOp("%") || tokens.get(i + 1).isOp("{") || tokens.get(i + 1).isOp("%="))) {
            brace = at;
        } else if (i > 0 && tokens.get(i - 1).isOp("{") && tokens.get(i - 1).end() == at.start()
                && (at.isOp("%") || at.isOp("{") || at.isOp("%="))) {
            brace = tokens.get(i - 1);
        }
        if (brace != null) {
            problems.add(problem(brace, "not Python: a Jinja template tag '" + src.substring(brace.start(),
                    Math.min(src.length(), brace.start() + 2)) + "'; the file must be rendered (e.g. by cookiecutter)"
                    + " before it is Python, so this statement is not read"));
            return;
        }
        problems.add(problem(at, e.getMessage()));
    }

    private ReadProblem problem(Token at, String message) {
        return ReadProblem.unreadable(new SourceLocation(path, at.line(), at.col()), message);
    }

    private String lineOf(Token t) {
        int s = t.start();
        while (s > 0 && src.charAt(s - 1) != '\n' && src.charAt(s - 1) != '\r') {
            s--;
        }
        int e = t.start();
        while (e < src.length() && src.charAt(e) != '\n' && src.charAt(e) != '\r') {
            e++;
        }
        return src.substring(s, e);
    }

    /** Skips to the end of the logical line, and past an indented block that follows it. */
    private void skipStatement() {
        while (tokens.get(p).kind() != Kind.NEWLINE && tokens.get(p).kind() != Kind.EOF) {
            p++;
        }
        if (tokens.get(p).kind() == Kind.NEWLINE) {
            p++;
        }
        while (tokens.get(p).kind() == Kind.INDENT) {
            skipBlock();
        }
    }

    /** At an INDENT: skips to after its DEDENT. */
    private void skipBlock() {
        int level = 0;
        do {
            Kind k = tokens.get(p).kind();
            if (k == Kind.EOF) {
                return;
            }
            if (k == Kind.INDENT) {
                level++;
            } else if (k == Kind.DEDENT) {
                level--;
            }
            p++;
        } while (level > 0);
    }

    private void statement(List<Stmt> out) {
        Token t = peek();
        if (t.kind() == Kind.INDENT) {
            problems.add(problem(t, "unexpected indent"));
            skipBlock();
            return;
        }
        if (t.kind() == Kind.DEDENT || t.kind() == Kind.NEWLINE) {
            p++;
            return;
        }
        if (t.isOp("@")) {
            while (peek().isOp("@")) {
                next();
                namedExpression();
                expectNewline();
            }
            Token d = peek();
            if (d.isName("async")) {
                next();
            }
            if (!peek().isName("def") && !peek().isName("class")) {
                throw expected("'def' or 'class' after a decorator");
            }
            out.add(definition());
            return;
        }
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "if" -> {
                    out.add(ifStatement("if"));
                    return;
                }
                case "while" -> {
                    out.add(whileStatement());
                    return;
                }
                case "for" -> {
                    out.add(forStatement());
                    return;
                }
                case "try" -> {
                    out.add(tryStatement());
                    return;
                }
                case "with" -> {
                    out.add(withStatement());
                    return;
                }
                case "def", "class" -> {
                    out.add(definition());
                    return;
                }
                case "async" -> {
                    next();
                    Token k = peek();
                    if (k.isName("def")) {
                        out.add(definition());
                    } else if (k.isName("for")) {
                        out.add(forStatement());
                    } else if (k.isName("with")) {
                        out.add(withStatement());
                    } else {
                        throw expected("'def', 'for' or 'with' after 'async'");
                    }
                    return;
                }
                case "elif", "else", "except", "finally" -> throw new ParseError(t, p,
                        "'" + t.text() + "' without a matching '" + ("elif".equals(t.text()) || "else".equals(t.text()) ? "if" : "try")
                                + "' before it; expected a statement");
                default -> {
                }
            }
        }
        simpleStatements(out);
    }

    private void simpleStatements(List<Stmt> out) {
        while (true) {
            out.add(smallStatement());
            if (peek().isOp(";")) {
                next();
                if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.EOF) {
                    break;
                }
                continue;
            }
            break;
        }
        expectNewline();
    }

    private void expectNewline() {
        Token t = peek();
        if (t.kind() == Kind.NEWLINE) {
            next();
            return;
        }
        if (t.kind() == Kind.EOF) {
            return;
        }
        throw expected("the end of the statement");
    }

    private Stmt smallStatement() {
        Token t = peek();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass", "break", "continue" -> {
                    next();
                    return new Ignored(t.text(), span(t));
                }
                case "return" -> {
                    next();
                    if (!atStatementEnd()) {
                        testListStarExpr();
                    }
                    return new Ignored("return", spanFrom(t));
                }
                case "raise" -> {
                    next();
                    if (!atStatementEnd()) {
                        test();
                        if (peek().isName("from")) {
                            next();
                            test();
                        }
                    }
                    return new Raise(spanFrom(t));
                }
                case "global", "nonlocal" -> {
                    next();
                    name();
                    while (peek().isOp(",")) {
                        next();
                        name();
                    }
                    return new Ignored(t.text(), spanFrom(t));
                }
                case "assert" -> {
                    next();
                    test();
                    if (peek().isOp(",")) {
                        next();
                        test();
                    }
                    return new Ignored("assert", spanFrom(t));
                }
                case "del" -> {
                    next();
                    List<Expr> targets = new ArrayList<>();
                    targets.add(bitOr());
                    while (peek().isOp(",")) {
                        next();
                        if (atStatementEnd()) {
                            break;
                        }
                        targets.add(bitOr());
                    }
                    for (Expr target : targets) {
                        checkTarget(target, "delete");
                    }
                    return new Del(targets, spanFrom(t));
                }
                case "import" -> {
                    return importName();
                }
                case "from" -> {
                    return importFrom();
                }
                default -> {
                }
            }
        }
        return expressionStatement();
    }

    private boolean atStatementEnd() {
        Token t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || t.isOp(";");
    }

    private Stmt expressionStatement() {
        Token start = peek();
        Expr first = peek().isName("yield") ? yieldExpression() : testListStarExpr();
        Token t = peek();
        if (t.isOp(":")) {
            next();
            checkSingleTarget(first);
            test();
            Expr value = null;
            if (peek().isOp("=")) {
                next();
                value = peek().isName("yield") ? yieldExpression() : testListStarExpr();
            }
            return new AnnAssign(first, value, spanFrom(start));
        }
        if (t.kind() == Kind.OP && AUGMENTED.contains(t.text())) {
            next();
            checkSingleTarget(first);
            Expr value = peek().isName("yield") ? yieldExpression() : testListStarExpr();
            return new AugAssign(first, t.text().substring(0, t.text().length() - 1), value, spanFrom(start));
        }
        if (t.isOp("=")) {
            List<Expr> targets = new ArrayList<>();
            Expr value = first;
            while (peek().isOp("=")) {
                next();
                targets.add(value);
                value = peek().isName("yield") ? yieldExpression() : testListStarExpr();
            }
            for (Expr target : targets) {
                checkTarget(target, "assign to");
            }
            return new Assign(targets, value, spanFrom(start));
        }
        return new ExprStmt(first, spanFrom(start));
    }

    private void checkSingleTarget(Expr e) {
        if (!(e instanceof Name || e instanceof Attribute || e instanceof Subscript)) {
            throw new ParseError(tokenAt(e.span()), -1, "cannot assign to " + describe(e) + " with an annotation or an"
                    + " augmented assignment; expected a name, an attribute or a subscript");
        }
    }

    private void checkTarget(Expr e, String verb) {
        if (e instanceof Name || e instanceof Attribute || e instanceof Subscript) {
            return;
        }
        if (e instanceof Starred s) {
            checkTarget(s.value(), verb);
            return;
        }
        if (e instanceof Collection c && c.kind() != CollectionKind.SET) {
            for (Expr item : c.items()) {
                checkTarget(item, verb);
            }
            return;
        }
        throw new ParseError(tokenAt(e.span()), -1, "cannot " + verb + " " + describe(e));
    }

    private static String describe(Expr e) {
        if (e instanceof NoneLit) {
            return "None";
        } else if (e instanceof BoolLit b) {
            return b.value() ? "True" : "False";
        } else if (e instanceof IntLit || e instanceof FloatLit || e instanceof StrLit) {
            return "a literal";
        } else if (e instanceof Call) {
            return "a function call";
        } else if (e instanceof Ast.Opaque) {
            return "this expression";
        } else if (e instanceof DictDisplay) {
            return "a dict display";
        } else if (e instanceof Collection c) {
            return "a " + c.kind().name().toLowerCase(java.util.Locale.ROOT) + " display";
        }
        return "an expression";
    }

    private Token tokenAt(Span span) {
        for (int i = Math.min(p, tokens.size() - 1); i >= 0; i--) {
            if (tokens.get(i).start() == span.start()) {
                return tokens.get(i);
            }
            if (tokens.get(i).start() < span.start()) {
                break;
            }
        }
        return new Token(Kind.ERROR, src, span.line(), span.col(), span.start(), span.end(), null);
    }

    private Stmt importName() {
        Token start = next();
        List<Alias> names = new ArrayList<>();
        do {
            if (!names.isEmpty()) {
                next();
            }
            Token first = peek();
            String dotted = dottedName();
            String as = null;
            if (peek().isName("as")) {
                next();
                as = name().text();
            }
            names.add(new Alias(dotted, as, spanFrom(first)));
        } while (peek().isOp(","));
        return new Import(names, spanFrom(start));
    }

    private Stmt importFrom() {
        Token start = next();
        int level = 0;
        while (peek().isOp(".") || peek().isOp("...")) {
            level += next().text().length();
        }
        String module = null;
        if (!peek().isName("import")) {
            module = dottedName();
        } else if (level == 0) {
            throw expected("a module name after 'from'");
        }
        if (!peek().isName("import")) {
            throw expected("'import'");
        }
        next();
        if (peek().isOp("*")) {
            next();
            return new ImportFrom(level, module, List.of(), true, spanFrom(start));
        }
        boolean parenthesised = peek().isOp("(");
        if (parenthesised) {
            next();
        }
        List<Alias> names = new ArrayList<>();
        while (true) {
            Token first = name();
            String as = null;
            if (peek().isName("as")) {
                next();
                as = name().text();
            }
            names.add(new Alias(first.text(), as, spanFrom(first)));
            if (!peek().isOp(",")) {
                break;
            }
            next();
            if (parenthesised && peek().isOp(")")) {
                break;
            }
        }
        if (parenthesised) {
            expectOp(")");
        }
        return new ImportFrom(level, module, names, false, spanFrom(start));
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(name().text());
        while (peek().isOp(".")) {
            next();
            sb.append('.').append(name().text());
        }
        return sb.toString();
    }

    private If ifStatement(String keyword) {
        Token start = next();
        Expr condition = namedExpression();
        List<Stmt> body = block(start);
        List<Stmt> orElse = List.of();
        Token t = tokens.get(p);
        if (t.isName("elif")) {
            orElse = List.of(ifStatement("elif"));
        } else if (t.isName("else")) {
            Token e = next();
            orElse = block(e);
        }
        return new If(keyword, condition, body, orElse, spanFrom(start));
    }

    private Stmt whileStatement() {
        Token start = next();
        Expr condition = namedExpression();
        List<Stmt> body = block(start);
        List<Stmt> orElse = List.of();
        if (tokens.get(p).isName("else")) {
            orElse = block(next());
        }
        return new While(condition, body, orElse, spanFrom(start));
    }

    private Stmt forStatement() {
        Token start = next();
        Expr target = targetList();
        checkTarget(target, "assign to");
        expectName("in");
        Expr iterable = testListStarExpr();
        List<Stmt> body = block(start);
        List<Stmt> orElse = List.of();
        if (tokens.get(p).isName("else")) {
            orElse = block(next());
        }
        return new For(target, iterable, body, orElse, spanFrom(start));
    }

    private Stmt tryStatement() {
        Token start = next();
        List<Stmt> body = block(start);
        List<Handler> handlers = new ArrayList<>();
        while (tokens.get(p).isName("except")) {
            Token e = next();
            if (peek().isOp("*")) {
                next();
            }
            Expr type = null;
            String name = null;
            if (!peek().isOp(":")) {
                type = test();
                if (peek().isOp(",")) {
                    List<Expr> types = new ArrayList<>(List.of(type));
                    while (peek().isOp(",")) {
                        next();
                        types.add(test());
                    }
                    type = mk(new Collection(CollectionKind.TUPLE, types, type.span().to(types.get(types.size() - 1).span())), types);
                }
                if (peek().isName("as")) {
                    next();
                    name = name().text();
                }
            }
            handlers.add(new Handler(type, name, block(e), spanFrom(e)));
        }
        List<Stmt> orElse = List.of();
        if (tokens.get(p).isName("else") && !handlers.isEmpty()) {
            orElse = block(next());
        }
        List<Stmt> finalBody = List.of();
        if (tokens.get(p).isName("finally")) {
            finalBody = block(next());
        } else if (handlers.isEmpty()) {
            throw expected("'except' or 'finally' block");
        }
        return new Try(body, handlers, orElse, finalBody, spanFrom(start));
    }

    private Stmt withStatement() {
        Token start = next();
        List<WithItem> items = new ArrayList<>();
        do {
            if (!items.isEmpty()) {
                next();
            }
            Expr context = test();
            Expr target = null;
            if (peek().isName("as")) {
                next();
                target = targetList();
                checkTarget(target, "assign to");
            }
            items.add(new WithItem(context, target));
        } while (peek().isOp(","));
        List<Stmt> body = block(start);
        return new With(items, body, spanFrom(start));
    }

    private Stmt definition() {
        Token start = next();
        boolean isClass = start.isName("class");
        Token name = name();
        if (peek().isOp("[")) {
            skipBalanced();
        }
        if (isClass) {
            if (peek().isOp("(")) {
                skipBalanced();
            }
        } else {
            if (!peek().isOp("(")) {
                throw expected("'(' after the function name");
            }
            skipBalanced();
            if (peek().isOp("->")) {
                next();
                test();
            }
        }
        block(start);
        return new Def(name.text(), isClass, span(name), spanFrom(start));
    }

    /** At an opening bracket: skips to after its closing bracket. */
    private void skipBalanced() {
        int level = 0;
        do {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
                throw expected("a closing bracket");
            }
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                level++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                level--;
            }
            next();
        } while (level > 0);
    }

    /** ':' then either simple statements on the same line or NEWLINE INDENT statements DEDENT. */
    private List<Stmt> block(Token header) {
        if (!peek().isOp(":")) {
            throw expected("':' after the '" + header.text() + "' statement");
        }
        next();
        List<Stmt> body = new ArrayList<>();
        if (peek().kind() != Kind.NEWLINE) {
            simpleStatements(body);
            return body;
        }
        next();
        Token t = tokens.get(p);
        if (t.kind() != Kind.INDENT) {
            problems.add(problem(t.kind() == Kind.EOF ? header : t, "expected an indented block after the '"
                    + header.text() + "' statement on line " + header.line()));
            return body;
        }
        enter(t);
        try {
            next();
            while (tokens.get(p).kind() != Kind.DEDENT && tokens.get(p).kind() != Kind.EOF) {
                statementWithRecovery(body);
            }
            if (tokens.get(p).kind() == Kind.DEDENT) {
                next();
            }
        } finally {
            nesting--;
        }
        return body;
    }

    // ---- expressions ----

    private Expr testListStarExpr() {
        Token start = peek();
        Expr first = starOrNamed();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            next();
            if (!startsExpression(peek())) {
                break;
            }
            items.add(starOrNamed());
        }
        return mk(new Collection(CollectionKind.TUPLE, items, spanFrom(start)), items);
    }

    private Expr starOrNamed() {
        if (peek().isOp("*")) {
            Token star = next();
            Expr value = bitOr();
            return mk(new Starred(value, spanFrom(star)), List.of(value));
        }
        return namedExpression();
    }

    /** A target list of {@code for} and {@code with ... as}: expressions at the | level. */
    private Expr targetList() {
        Token start = peek();
        Expr first = peek().isOp("*") ? starOrNamed() : bitOr();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            next();
            if (!startsExpression(peek())) {
                break;
            }
            items.add(peek().isOp("*") ? starOrNamed() : bitOr());
        }
        return mk(new Collection(CollectionKind.TUPLE, items, spanFrom(start)), items);
    }

    private boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME -> !KEYWORDS.contains(t.text()) || EXPRESSION_KEYWORDS.contains(t.text());
            case NUMBER, STRING, ERROR -> true;
            case OP -> isOneOf(t, EXPRESSION_OPS);
            default -> false;
        };
    }

    private Expr namedExpression() {
        Token t = peek();
        if (t.kind() == Kind.NAME && p + 1 < tokens.size() && tokens.get(p + 1).isOp(":=") && !KEYWORDS.contains(t.text())) {
            next();
            next();
            Expr value = test();
            return mk(new Walrus(t.text(), value, spanFrom(t)), List.of(value));
        }
        return test();
    }

    private Expr test() {
        Token start = peek();
        if (start.isName("lambda")) {
            enter(start);
            try {
                next();
                int level = 0;
                while (!(level == 0 && peek().isOp(":"))) {
                    Token t = peek();
                    if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
                        throw expected("':' after the lambda's parameters");
                    }
                    if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                        level++;
                    } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                        level--;
                    }
                    next();
                }
                next();
                test();
                return new Ast.Opaque("lambdas are not evaluated", spanFrom(start));
            } finally {
                nesting--;
            }
        }
        Expr e = orTest();
        if (peek().isName("if")) {
            enter(start);
            try {
                next();
                Expr condition = orTest();
                expectName("else");
                Expr orElse = test();
                return mk(new IfExp(condition, e, orElse, spanFrom(start)), List.of(condition, e, orElse));
            } finally {
                nesting--;
            }
        }
        return e;
    }

    private Expr orTest() {
        Token start = peek();
        Expr left = andTest();
        while (peek().isName("or")) {
            next();
            Expr right = andTest();
            left = mk(new BoolOp("or", left, right, spanFrom(start)), List.of(left, right));
        }
        return left;
    }

    private Expr andTest() {
        Token start = peek();
        Expr left = notTest();
        while (peek().isName("and")) {
            next();
            Expr right = notTest();
            left = mk(new BoolOp("and", left, right, spanFrom(start)), List.of(left, right));
        }
        return left;
    }

    private Expr notTest() {
        Token start = peek();
        if (start.isName("not")) {
            enter(start);
            try {
                next();
                Expr operand = notTest();
                return mk(new Unary("not", operand, spanFrom(start)), List.of(operand));
            } finally {
                nesting--;
            }
        }
        return comparison();
    }

    private Expr comparison() {
        Token start = peek();
        Expr first = bitOr();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = peek();
            String op;
            if (isOneOf(t, COMPARISONS)) {
                op = t.text();
                next();
            } else if (t.isName("in")) {
                op = "in";
                next();
            } else if (t.isName("not") && p + 1 < tokens.size() && tokens.get(p + 1).isName("in")) {
                op = "not in";
                next();
                next();
            } else if (t.isName("is")) {
                next();
                op = "is";
                if (peek().isName("not")) {
                    next();
                    op = "is not";
                }
            } else {
                break;
            }
            ops.add(op);
            rest.add(bitOr());
        }
        if (ops.isEmpty()) {
            return first;
        }
        List<Expr> children = new ArrayList<>(rest);
        children.add(first);
        return mk(new Compare(first, ops, rest, spanFrom(start)), children);
    }

    private Expr bitOr() {
        return binaryLevel(0);
    }

    private static final String[][] BINARY_LEVELS = {
            {"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%", "@"}};

    private static boolean isOneOf(Token t, String[] ops) {
        if (t.kind() != Kind.OP) {
            return false;
        }
        for (String op : ops) {
            if (t.isOp(op)) {
                return true;
            }
        }
        return false;
    }

    private Expr binaryLevel(int level) {
        if (level == BINARY_LEVELS.length) {
            return factor();
        }
        Token start = peek();
        Expr left = binaryLevel(level + 1);
        while (isOneOf(peek(), BINARY_LEVELS[level])) {
            String op = next().text();
            Expr right = binaryLevel(level + 1);
            left = mk(new Binary(op, left, right, spanFrom(start)), List.of(left, right));
        }
        return left;
    }

    private Expr factor() {
        Token t = peek();
        if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
            enter(t);
            try {
                next();
                Expr operand = factor();
                return mk(new Unary(t.text(), operand, spanFrom(t)), List.of(operand));
            } finally {
                nesting--;
            }
        }
        return power();
    }

    private Expr power() {
        Token start = peek();
        Expr base;
        if (start.isName("await")) {
            next();
            primary();
            base = new Ast.Opaque("await expressions are not evaluated", spanFrom(start));
        } else {
            base = primary();
        }
        if (peek().isOp("**")) {
            enter(start);
            try {
                next();
                Expr exponent = factor();
                return mk(new Binary("**", base, exponent, spanFrom(start)), List.of(base, exponent));
            } finally {
                nesting--;
            }
        }
        return base;
    }

    private Expr primary() {
        Token start = peek();
        Expr e = atom();
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                next();
                Token attr = name();
                e = mk(new Attribute(e, attr.text(), spanFrom(start)), List.of(e));
            } else if (t.isOp("(")) {
                enter(t);
                try {
                    next();
                    List<Arg> args = arguments();
                    expectOp(")");
                    List<Expr> children = new ArrayList<>();
                    children.add(e);
                    args.forEach(a -> children.add(a.value()));
                    e = mk(new Call(e, args, spanFrom(start)), children);
                } finally {
                    nesting--;
                }
            } else if (t.isOp("[")) {
                enter(t);
                try {
                    next();
                    Expr index = subscriptList();
                    expectOp("]");
                    e = mk(new Subscript(e, index, spanFrom(start)), List.of(e, index));
                } finally {
                    nesting--;
                }
            } else {
                return e;
            }
        }
    }

    private List<Arg> arguments() {
        List<Arg> args = new ArrayList<>();
        while (!peek().isOp(")")) {
            Token t = peek();
            if (t.isOp("*") || t.isOp("**")) {
                next();
                args.add(new Arg(null, t.text().length(), test()));
            } else if (t.kind() == Kind.NAME && p + 1 < tokens.size() && tokens.get(p + 1).isOp("=")
                    && !KEYWORDS.contains(t.text())) {
                next();
                next();
                args.add(new Arg(t.text(), 0, test()));
            } else {
                Expr value = namedExpression();
                if (peek().isName("for") || peek().isName("async")) {
                    comprehension();
                    value = new Ast.Opaque("generator expressions are not evaluated", spanFrom(t));
                }
                args.add(new Arg(null, 0, value));
            }
            if (!peek().isOp(",")) {
                break;
            }
            next();
        }
        return args;
    }

    private Expr subscriptList() {
        Token start = peek();
        Expr first = subscriptItem();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            next();
            if (peek().isOp("]")) {
                break;
            }
            items.add(subscriptItem());
        }
        return mk(new Collection(CollectionKind.TUPLE, items, spanFrom(start)), items);
    }

    private Expr subscriptItem() {
        Token start = peek();
        Expr lower = null;
        if (!peek().isOp(":")) {
            lower = starOrNamed();
            if (!peek().isOp(":")) {
                return lower;
            }
        }
        next();
        Expr upper = null;
        Expr step = null;
        if (!peek().isOp(":") && !peek().isOp("]") && !peek().isOp(",")) {
            upper = test();
        }
        if (peek().isOp(":")) {
            next();
            if (!peek().isOp("]") && !peek().isOp(",")) {
                step = test();
            }
        }
        List<Expr> children = new ArrayList<>();
        for (Expr c : new Expr[]{lower, upper, step}) {
            if (c != null) {
                children.add(c);
            }
        }
        return mk(new Slice(lower, upper, step, spanFrom(start)), children);
    }

    /** comp_for: the iterable and the conditions are disjunctions (no conditional expression). */
    private void comprehension() {
        while (peek().isName("for") || peek().isName("async") || peek().isName("if")) {
            Token t = next();
            if (t.isName("async")) {
                expectName("for");
            }
            if (!t.isName("if")) {
                targetList();
                expectName("in");
            }
            orTest();
        }
    }

    private Expr yieldExpression() {
        Token start = next();
        if (peek().isName("from")) {
            next();
            test();
        } else if (!atStatementEnd() && !peek().isOp(")") && !peek().isOp("=")) {
            testListStarExpr();
        }
        return new Ast.Opaque("yield expressions are not evaluated", spanFrom(start));
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case NAME -> {
                next();
                return switch (t.text()) {
                    case "None" -> new NoneLit(span(t));
                    case "True" -> new BoolLit(true, span(t));
                    case "False" -> new BoolLit(false, span(t));
                    default -> {
                        if (KEYWORDS.contains(t.text())) {
                            p--;
                            throw expected("an expression");
                        }
                        yield new Name(t.text(), span(t));
                    }
                };
            }
            case NUMBER -> {
                next();
                Object v = t.value();
                if (v instanceof Long l) {
                    return new IntLit(l, span(t));
                }
                if (v instanceof Double d) {
                    return new FloatLit(d, span(t));
                }
                return new Ast.Opaque(((Token.Opaque) v).reason(), span(t));
            }
            case STRING -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        return parenthesised();
                    }
                    case "[" -> {
                        return listDisplay();
                    }
                    case "{" -> {
                        return dictOrSet();
                    }
                    case "..." -> {
                        next();
                        return new Ast.Opaque("Ellipsis is not modelled", span(t));
                    }
                    default -> throw expected("an expression");
                }
            }
            default -> throw expected("an expression");
        }
    }

    private Expr strings() {
        Token start = peek();
        StringBuilder sb = new StringBuilder();
        String opaque = null;
        Boolean bytes = null;
        while (peek().kind() == Kind.STRING) {
            Token t = next();
            Literal lit = (Literal) t.value();
            if (bytes != null && bytes != lit.bytes()) {
                throw new ParseError(t, p - 1, "cannot mix bytes and nonbytes literals");
            }
            bytes = lit.bytes();
            if (lit.value() == null) {
                opaque = opaque == null ? lit.opaqueReason() : opaque;
            } else {
                sb.append(lit.value());
            }
        }
        if (opaque != null) {
            return new Ast.Opaque(opaque, spanFrom(start));
        }
        return new StrLit(sb.toString(), spanFrom(start));
    }

    private Expr parenthesised() {
        Token open = peek();
        enter(open);
        try {
            next();
            if (peek().isOp(")")) {
                next();
                return new Collection(CollectionKind.TUPLE, List.of(), spanFrom(open));
            }
            if (peek().isName("yield")) {
                Expr y = yieldExpression();
                expectOp(")");
                return y;
            }
            Expr first = starOrNamed();
            if (peek().isName("for") || peek().isName("async")) {
                comprehension();
                expectOp(")");
                return new Ast.Opaque("generator expressions are not evaluated", spanFrom(open));
            }
            if (!peek().isOp(",")) {
                expectOp(")");
                return first;
            }
            List<Expr> items = new ArrayList<>(List.of(first));
            moreItems(items, ")");
            expectOp(")");
            return mk(new Collection(CollectionKind.TUPLE, items, spanFrom(open)), items);
        } finally {
            nesting--;
        }
    }

    private Expr listDisplay() {
        Token open = peek();
        enter(open);
        try {
            next();
            List<Expr> items = new ArrayList<>();
            if (!peek().isOp("]")) {
                Expr first = starOrNamed();
                if (peek().isName("for") || peek().isName("async")) {
                    comprehension();
                    expectOp("]");
                    return new Ast.Opaque("list comprehensions are not evaluated", spanFrom(open));
                }
                items.add(first);
                moreItems(items, "]");
            }
            expectOp("]");
            return mk(new Collection(CollectionKind.LIST, items, spanFrom(open)), items);
        } finally {
            nesting--;
        }
    }

    /** The {@code , item} tail of a tuple or list display, up to {@code close}; a trailing comma is allowed. */
    private void moreItems(List<Expr> items, String close) {
        while (peek().isOp(",")) {
            next();
            if (peek().isOp(close)) {
                break;
            }
            items.add(starOrNamed());
        }
    }

    private Expr dictOrSet() {
        Token open = peek();
        enter(open);
        try {
            next();
            if (peek().isOp("}")) {
                next();
                return new DictDisplay(List.of(), spanFrom(open));
            }
            List<Expr> children = new ArrayList<>();
            boolean dict;
            List<DictItem> entries = new ArrayList<>();
            List<Expr> items = new ArrayList<>();
            if (peek().isOp("**")) {
                next();
                Expr splat = bitOr();
                entries.add(new DictItem(null, splat));
                children.add(splat);
                dict = true;
            } else {
                Expr first = starOrNamed();
                children.add(first);
                if (peek().isOp(":")) {
                    next();
                    Expr value = test();
                    children.add(value);
                    entries.add(new DictItem(first, value));
                    dict = true;
                } else {
                    items.add(first);
                    dict = false;
                }
                if (peek().isName("for") || peek().isName("async")) {
                    comprehension();
                    expectOp("}");
                    return new Ast.Opaque((dict ? "dict" : "set") + " comprehensions are not evaluated", spanFrom(open));
                }
            }
            while (peek().isOp(",")) {
                next();
                if (peek().isOp("}")) {
                    break;
                }
                if (dict) {
                    if (peek().isOp("**")) {
                        next();
                        Expr splat = bitOr();
                        children.add(splat);
                        entries.add(new DictItem(null, splat));
                    } else {
                        Expr key = test();
                        expectOp(":");
                        Expr value = test();
                        children.add(key);
                        children.add(value);
                        entries.add(new DictItem(key, value));
                    }
                } else {
                    Expr item = starOrNamed();
                    children.add(item);
                    items.add(item);
                }
            }
            expectOp("}");
            return dict ? mk(new DictDisplay(entries, spanFrom(open)), children)
                    : mk(new Collection(CollectionKind.SET, items, spanFrom(open)), children);
        } finally {
            nesting--;
        }
    }

    // ---- tokens ----

    private Token peek() {
        Token t = tokens.get(p);
        if (t.kind() == Kind.ERROR) {
            throw new ParseError(t, p, (String) t.value());
        }
        return t;
    }

    private Token next() {
        Token t = peek();
        if (t.kind() != Kind.EOF) {
            p++;
            lastEnd = t.end();
        }
        return t;
    }

    private Token name() {
        Token t = peek();
        if (t.kind() != Kind.NAME || KEYWORDS.contains(t.text())) {
            throw expected("a name");
        }
        return next();
    }

    private void expectOp(String op) {
        if (!peek().isOp(op)) {
            throw expected("'" + op + "'");
        }
        next();
    }

    private void expectName(String keyword) {
        if (!peek().isName(keyword)) {
            throw expected("'" + keyword + "'");
        }
        next();
    }

    private ParseError expected(String what) {
        Token t = peek();
        return new ParseError(t, p, "invalid Python syntax: expected " + what + ", found " + t.describe());
    }

    private void enter(Token at) {
        if (++nesting > MAX_NESTING) {
            nesting--;
            throw new ParseError(at, -1, "nested too deeply (more than " + MAX_NESTING + " levels of brackets, blocks"
                    + " or operators)");
        }
    }

    private Expr mk(Expr node, List<Expr> children) {
        int depth = 1;
        for (Expr child : children) {
            depth = Math.max(depth, depths.getOrDefault(child, 1) + 1);
        }
        if (depth > MAX_EXPRESSION_DEPTH) {
            throw new ParseError(tokenAt(node.span()), -1, "expression nested too deeply (more than "
                    + MAX_EXPRESSION_DEPTH + " levels)");
        }
        depths.put(node, depth);
        return node;
    }

    private static Span span(Token t) {
        return new Span(t.line(), t.col(), t.start(), t.end());
    }

    private Span spanFrom(Token first) {
        return new Span(first.line(), first.col(), first.start(), Math.max(first.end(), lastEnd));
    }
}
