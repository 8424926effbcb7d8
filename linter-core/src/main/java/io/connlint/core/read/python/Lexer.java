package io.connlint.core.read.python;

import io.connlint.core.read.python.Token.Kind;
import io.connlint.core.read.python.Token.Literal;
import io.connlint.core.read.python.Token.Opaque;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Python's tokenizer (CPython Parser/tokenizer.c, Lib/tokenize.py), total: every input gives a
 * token list ending in EOF. Logical lines end in NEWLINE; indentation gives INDENT/DEDENT (tabs to
 * the next multiple of 8); newlines inside brackets and after a backslash join lines. What is not
 * Python becomes an ERROR token carrying the message, and lexing goes on: an unterminated string
 * ends at its line (a triple-quoted one at the end of the file), and a bracket still open at the
 * end of the file becomes an error at the bracket, after which lexing resumes at the next line
 * indented no deeper than the bracket's statement.
 */
final class Lexer {

    /** Deeper indentation is refused (CPython: MAXINDENT 100). */
    static final int MAX_INDENT_LEVELS = 100;
    /** Deeper bracket nesting is refused (CPython allows 200; connlint reads configuration). */
    static final int MAX_BRACKET_DEPTH = 100;
    /** How often lexing resumes after a bracket never closed, which costs a re-lex of the rest. */
    private static final int MAX_RESUMES = 10;
    /** More tokens are not read: far beyond any settings file, and it bounds memory. */
    static final int MAX_TOKENS = 1_000_000;

    private static final Set<String> PREFIXES = Set.of("r", "u", "b", "br", "rb", "f", "fr", "rf", "t", "tr", "rt");
    private static final Set<String> KEYWORDS_AFTER_NUMBER = Set.of("and", "or", "if", "else", "in", "is", "not", "for");
    private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "..."};
    private static final String[] OPS2 = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=",
            "%=", "&=", "|=", "^=", "@=", ":="};
    private static final String OPS1 = "+-*/%@&|^~<>()[]{},:.;=";

    private final String src;
    private final int n;
    private final int[] lineStarts;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Integer> bracketIndex = new ArrayList<>();
    private final List<Integer> indents = new ArrayList<>(List.of(0));
    private final List<Boolean> phantom = new ArrayList<>(List.of(false));
    private int pos;
    private boolean atLineStart = true;
    private int resumes;
    private int cacheLine = -1;
    private int cachePos;
    private int cacheCol;

    private Lexer(String src) {
        this.src = src;
        this.n = src.length();
        this.lineStarts = lineStarts(src);
    }

    static List<Token> tokenize(String src) {
        return new Lexer(src).run();
    }

    private static int[] lineStarts(String s) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** 0-based line index of an offset. */
    private int lineIndex(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** 1-based column, in code points; incremental along a line so long lines stay linear. */
    private int column(int line, int offset) {
        int start = lineStarts[line];
        int end = Math.min(offset, n);
        if (cacheLine == line && cachePos <= end) {
            cacheCol += src.codePointCount(cachePos, end);
        } else {
            cacheCol = 1 + src.codePointCount(start, Math.max(start, end));
        }
        cacheLine = line;
        cachePos = end;
        return cacheCol;
    }

    private Token token(Kind kind, int start, int end, Object value) {
        int line = lineIndex(start);
        return new Token(kind, src, line + 1, column(line, start), start, end, value);
    }

    private void emit(Kind kind, int start, int end, Object value) {
        tokens.add(token(kind, start, end, value));
    }

    private void error(int start, int end, String message) {
        emit(Kind.ERROR, start, end, message);
    }

    private List<Token> run() {
        while (true) {
            if (tokens.size() >= MAX_TOKENS && pos < n) {
                error(pos, pos, "more than " + MAX_TOKENS + " tokens: the rest of the file is not read");
                pos = n;
                atLineStart = false;
                bracketIndex.clear();
            }
            if (atLineStart && bracketIndex.isEmpty()) {
                if (!lineStart()) {
                    if (finish()) {
                        continue;
                    }
                    break;
                }
                continue;
            }
            if (pos >= n) {
                if (finish()) {
                    continue;
                }
                break;
            }
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                skipToLineEnd();
            } else if (c == '\n' || c == '\r') {
                newline();
            } else if (c == '\\') {
                continuation();
            } else if (c == '"' || c == '\'') {
                string(pos, pos);
            } else if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (isIdentifierStart(src.codePointAt(pos))) {
                name();
            } else {
                operator();
            }
        }
        return tokens;
    }

    /** At the start of a logical line: blank lines are skipped, indentation is measured. */
    private boolean lineStart() {
        int col = 0;
        int i = pos;
        while (i < n) {
            char c = src.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (c == '\f') {
                col = 0;
            } else {
                break;
            }
            i++;
        }
        if (i >= n) {
            pos = n;
            return false;
        }
        char c = src.charAt(i);
        if (c == '#' || c == '\n' || c == '\r') {
            pos = i;
            skipToLineEnd();
            consumeLineBreak();
            return true;
        }
        if (c == '\\' && i + 1 < n && (src.charAt(i + 1) == '\n' || src.charAt(i + 1) == '\r')) {
            pos = i + 1;
            consumeLineBreak();
            return true;
        }
        pos = i;
        atLineStart = false;
        int top = indents.get(indents.size() - 1);
        if (col > top) {
            if (indents.size() > MAX_INDENT_LEVELS) {
                error(i, i, "too many levels of indentation (more than " + MAX_INDENT_LEVELS + ")");
                return true;
            }
            indents.add(col);
            phantom.add(false);
            emit(Kind.INDENT, i, i, null);
        } else if (col < top) {
            while (indents.size() > 1 && col < indents.get(indents.size() - 1)) {
                indents.remove(indents.size() - 1);
                if (!phantom.remove(phantom.size() - 1)) {
                    emit(Kind.DEDENT, i, i, null);
                }
            }
            if (col != indents.get(indents.size() - 1)) {
                error(i, i, "unindent does not match any outer indentation level");
                // Later lines at this indentation belong to the enclosing block, without tokens.
                indents.add(col);
                phantom.add(true);
            }
        }
        return true;
    }

    private void skipToLineEnd() {
        while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void consumeLineBreak() {
        if (pos < n && src.charAt(pos) == '\r') {
            pos++;
            if (pos < n && src.charAt(pos) == '\n') {
                pos++;
            }
        } else if (pos < n && src.charAt(pos) == '\n') {
            pos++;
        }
    }

    private void newline() {
        int start = pos;
        consumeLineBreak();
        if (bracketIndex.isEmpty()) {
            if (!tokens.isEmpty() && endsLogicalLine()) {
                emit(Kind.NEWLINE, start, start, null);
            }
            atLineStart = true;
        }
    }

    /** Whether the tokens since the last NEWLINE form a logical line still to be ended. */
    private boolean endsLogicalLine() {
        Kind last = tokens.get(tokens.size() - 1).kind();
        return last != Kind.NEWLINE && last != Kind.INDENT && last != Kind.DEDENT;
    }

    private void continuation() {
        int start = pos;
        pos++;
        if (pos >= n) {
            error(start, pos, "unexpected end of file after a line continuation character");
        } else if (src.charAt(pos) == '\n' || src.charAt(pos) == '\r') {
            consumeLineBreak();
        } else {
            error(start, pos, "unexpected character after line continuation character");
        }
    }

    private void name() {
        int start = pos;
        pos += Character.charCount(src.codePointAt(pos));
        while (pos < n && isIdentifierPart(src.codePointAt(pos))) {
            pos += Character.charCount(src.codePointAt(pos));
        }
        String text = src.substring(start, pos);
        if (pos < n && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')
                && PREFIXES.contains(text.toLowerCase(Locale.ROOT))) {
            string(start, pos);
            return;
        }
        emit(Kind.NAME, start, pos, null);
    }

    private void operator() {
        int start = pos;
        for (String op : OPS3) {
            if (src.startsWith(op, pos)) {
                pos += 3;
                emit(Kind.OP, start, pos, null);
                return;
            }
        }
        for (String op : OPS2) {
            if (src.startsWith(op, pos)) {
                pos += 2;
                emit(Kind.OP, start, pos, null);
                return;
            }
        }
        char c = src.charAt(pos);
        if (OPS1.indexOf(c) < 0) {
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            error(start, pos, "invalid character '" + new String(Character.toChars(cp)) + "' (U+"
                    + String.format(Locale.ROOT, "%04X", cp) + ")");
            return;
        }
        pos++;
        if (c == '(' || c == '[' || c == '{') {
            if (bracketIndex.size() >= MAX_BRACKET_DEPTH) {
                error(start, pos, "too many nested brackets (more than " + MAX_BRACKET_DEPTH + ")");
                bracketIndex.add(tokens.size() - 1);
                return;
            }
            bracketIndex.add(tokens.size());
            emit(Kind.OP, start, pos, null);
        } else if (c == ')' || c == ']' || c == '}') {
            if (bracketIndex.isEmpty()) {
                error(start, pos, "unmatched '" + c + "'");
                return;
            }
            Token open = tokens.get(bracketIndex.remove(bracketIndex.size() - 1));
            char expected = switch (open.text().isEmpty() ? '(' : open.text().charAt(0)) {
                case '[' -> ']';
                case '{' -> '}';
                default -> ')';
            };
            if (open.kind() == Kind.OP && c != expected) {
                error(start, pos, "closing parenthesis '" + c + "' does not match opening parenthesis '"
                        + open.text() + "' on line " + open.line());
                return;
            }
            emit(Kind.OP, start, pos, null);
        } else {
            emit(Kind.OP, start, pos, null);
        }
    }

    /** End of input: a bracket still open is an error at the bracket; then dedent and EOF. */
    private boolean finish() {
        if (!bracketIndex.isEmpty()) {
            int index = bracketIndex.get(0);
            Token open = tokens.get(index);
            Token firstError = null;
            for (int i = index + 1; i < tokens.size() && firstError == null; i++) {
                if (tokens.get(i).kind() == Kind.ERROR) {
                    firstError = tokens.get(i);
                }
            }
            tokens.subList(index, tokens.size()).clear();
            bracketIndex.clear();
            tokens.add(firstError != null ? firstError
                    : new Token(Kind.ERROR, src, open.line(), open.col(), open.start(), open.end(),
                    "'" + open.text() + "' was never closed"));
            tokens.add(new Token(Kind.NEWLINE, src, open.line(), open.col(), open.end(), open.end(), null));
            if (resumes < MAX_RESUMES) {
                resumes++;
                int resume = resumeAfter(open.line());
                if (resume < n) {
                    pos = resume;
                    atLineStart = true;
                    cacheLine = -1;
                    return true;
                }
            }
        }
        pos = n;
        if (!tokens.isEmpty() && endsLogicalLine()) {
            emit(Kind.NEWLINE, n, n, null);
        }
        for (int i = indents.size() - 1; i > 0; i--) {
            if (!phantom.get(i)) {
                emit(Kind.DEDENT, n, n, null);
            }
        }
        indents.subList(1, indents.size()).clear();
        phantom.subList(1, phantom.size()).clear();
        emit(Kind.EOF, n, n, null);
        return false;
    }

    /** The first line after {@code line} (1-based) indented no deeper than the current block. */
    private int resumeAfter(int line) {
        int top = indents.get(indents.size() - 1);
        for (int l = line; l < lineStarts.length; l++) {
            int i = lineStarts[l];
            int col = 0;
            while (i < n && (src.charAt(i) == ' ' || src.charAt(i) == '\t' || src.charAt(i) == '\f')) {
                col = src.charAt(i) == '\t' ? (col / 8 + 1) * 8 : src.charAt(i) == '\f' ? 0 : col + 1;
                i++;
            }
            if (i >= n) {
                return n;
            }
            char c = src.charAt(i);
            if (c != '#' && c != '\n' && c != '\r' && col <= top) {
                return lineStarts[l];
            }
        }
        return n;
    }

    // ---- numbers ----

    private void number() {
        int start = pos;
        int i = pos;
        char c = src.charAt(i);
        if (c == '0' && i + 1 < n && "xXoObB".indexOf(src.charAt(i + 1)) >= 0) {
            char k = Character.toLowerCase(src.charAt(i + 1));
            int radix = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            String what = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
            i += 2;
            StringBuilder digits = new StringBuilder();
            boolean ok = true;
            while (i < n) {
                char d = src.charAt(i);
                if (d == '_') {
                    if (i + 1 < n && Character.digit(src.charAt(i + 1), radix) >= 0 && src.charAt(i + 1) < 128) {
                        i++;
                        continue;
                    }
                    ok = false;
                    i++;
                    break;
                }
                if (d < 128 && Character.digit(d, radix) >= 0) {
                    digits.append(d);
                    i++;
                } else {
                    break;
                }
            }
            if (digits.length() == 0 || !ok || (i < n && isIdentifierPart(src.codePointAt(i)))) {
                pos = skipIdentifierChars(i);
                error(start, pos, "invalid " + what + " literal");
                return;
            }
            pos = i;
            String significant = digits.toString().replaceFirst("^0+(?=.)", "");
            boolean fits = significant.length() <= (radix == 16 ? 15 : radix == 8 ? 21 : 63);
            emit(Kind.NUMBER, start, pos, fits ? integer(new BigInteger(significant, radix))
                    : new Opaque("integer " + abbreviate(src.substring(start, pos)) + " is beyond 64 bits"));
            return;
        }
        StringBuilder digits = new StringBuilder();
        i = decimalDigits(i, digits);
        if (i < 0) {
            pos = skipIdentifierChars(-i);
            error(start, pos, "invalid decimal literal");
            return;
        }
        boolean isFloat = false;
        if (i < n && src.charAt(i) == '.' && !(i + 1 < n && src.charAt(i + 1) == '.' && i + 2 < n && src.charAt(i + 2) == '.')) {
            isFloat = true;
            digits.append('.');
            i = decimalDigits(i + 1, digits);
            if (i < 0) {
                pos = skipIdentifierChars(-i);
                error(start, pos, "invalid decimal literal");
                return;
            }
        }
        if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(src.charAt(j))) {
                isFloat = true;
                digits.append('e').append(src, i + 1, j);
                i = decimalDigits(j, digits);
                if (i < 0) {
                    pos = skipIdentifierChars(-i);
                    error(start, pos, "invalid decimal literal");
                    return;
                }
            }
        }
        boolean imaginary = false;
        if (i < n && (src.charAt(i) == 'j' || src.charAt(i) == 'J')) {
            imaginary = true;
            i++;
        }
        if (i < n && isIdentifierPart(src.codePointAt(i)) && !keywordAt(i)) {
            pos = skipIdentifierChars(i);
            error(start, pos, "invalid decimal literal");
            return;
        }
        pos = i;
        String text = digits.toString();
        if (imaginary) {
            emit(Kind.NUMBER, start, pos, new Opaque("complex numbers are not modelled"));
        } else if (isFloat) {
            emit(Kind.NUMBER, start, pos, text.length() > 1000 ? new Opaque("a float literal of more than 1000 digits is not modelled")
                    : Double.parseDouble(text.startsWith(".") ? "0" + text : text));
        } else if (text.length() > 1 && text.charAt(0) == '0' && !text.chars().allMatch(ch -> ch == '0')) {
            error(start, pos, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        } else {
            String significant = text.replaceFirst("^0+(?=.)", "");
            emit(Kind.NUMBER, start, pos, significant.length() <= 18 ? integer(new BigInteger(significant))
                    : significant.length() > 19 ? new Opaque("integer " + abbreviate(significant) + " is beyond 64 bits")
                    : integer(new BigInteger(significant)));
        }
    }

    private static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : new Opaque("integer " + abbreviate(value.toString()) + " is beyond 64 bits");
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 27) + "…" : s;
    }

    /** Digits with single underscores between them; the negated end offset when malformed. */
    private int decimalDigits(int from, StringBuilder out) {
        int i = from;
        while (i < n) {
            char d = src.charAt(i);
            if (d == '_') {
                if (i > from && i + 1 < n && isDigit(src.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return -(i + 1);
            }
            if (!isDigit(d)) {
                break;
            }
            out.append(d);
            i++;
        }
        return i;
    }

    private boolean keywordAt(int i) {
        int end = skipIdentifierChars(i);
        return KEYWORDS_AFTER_NUMBER.contains(src.substring(i, end));
    }

    private int skipIdentifierChars(int from) {
        int i = from;
        while (i < n && isIdentifierPart(src.codePointAt(i))) {
            i += Character.charCount(src.codePointAt(i));
        }
        return i;
    }

    // ---- strings ----

    /**
     * A string literal whose prefix starts at {@code start} and whose opening quote is at
     * {@code quote}.
     */
    private void string(int start, int quote) {
        String prefix = src.substring(start, quote).toLowerCase(Locale.ROOT);
        boolean raw = prefix.contains("r");
        boolean bytes = prefix.contains("b");
        boolean formatted = prefix.contains("f") || prefix.contains("t");
        int end = scanString(quote, raw, formatted);
        if (end < 0) {
            boolean triple = isTripleQuote(quote);
            int detected = triple ? n : lineEnd(quote);
            String message = (triple ? "unterminated triple-quoted string literal" : "unterminated string literal")
                    + " (detected at line " + (lineIndex(Math.max(quote, detected - 1)) + 1) + ")";
            pos = detected;
            error(start, detected, message);
            return;
        }
        pos = end;
        if (formatted) {
            emit(Kind.STRING, start, end, new Literal(null, false,
                    prefix.contains("t") ? "template strings (t-strings) are not evaluated" : "f-strings are not evaluated"));
            return;
        }
        int q = isTripleQuote(quote) ? 3 : 1;
        String body = src.substring(quote + q, end - q);
        StringBuilder out = new StringBuilder(body.length());
        String problem = decode(body, raw, bytes, out);
        if (problem != null) {
            error(start, end, problem);
            return;
        }
        emit(Kind.STRING, start, end, bytes
                ? new Literal(null, true, "bytes values are not modelled")
                : new Literal(out.toString(), false, null));
    }

    private boolean isTripleQuote(int quote) {
        char q = src.charAt(quote);
        return quote + 2 < n && src.charAt(quote + 1) == q && src.charAt(quote + 2) == q;
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < n && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /**
     * The offset after the closing quote of the literal opening at {@code quote}, or -1 when it is
     * not terminated. In f-strings, replacement fields may hold nested strings and brackets
     * (PEP 701).
     */
    private int scanString(int quote, boolean raw, boolean formatted) {
        char q = src.charAt(quote);
        boolean triple = isTripleQuote(quote);
        int i = quote + (triple ? 3 : 1);
        // f-string state: 0 literal, 1 expression, 2 format spec; the stack holds where a field returns.
        int mode = 0;
        int depth = 0;
        StringBuilder stack = new StringBuilder();
        while (i < n) {
            char c = src.charAt(i);
            if (mode == 1) {
                if (c == '\'' || c == '"') {
                    int prefixStart = i;
                    while (prefixStart > 0 && Character.isLetter(src.charAt(prefixStart - 1)) && i - prefixStart < 2) {
                        prefixStart--;
                    }
                    String p = src.substring(prefixStart, i).toLowerCase(Locale.ROOT);
                    boolean nestedFormatted = PREFIXES.contains(p) && (p.contains("f") || p.contains("t"));
                    boolean nestedRaw = PREFIXES.contains(p) && p.contains("r");
                    int end = scanString(i, nestedRaw, nestedFormatted);
                    if (end < 0) {
                        return -1;
                    }
                    i = end;
                    continue;
                }
                if ((c == '\n' || c == '\r') && !triple) {
                    return -1;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']') && depth > 0) {
                    depth--;
                } else if (c == '}') {
                    if (depth == 0) {
                        mode = stack.charAt(stack.length() - 1) - '0';
                        stack.setLength(stack.length() - 1);
                    } else {
                        depth--;
                    }
                } else if (c == ':' && depth == 0 && !(i + 1 < n && src.charAt(i + 1) == '=')) {
                    mode = 2;
                }
                i++;
                continue;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if ((c == '\n' || c == '\r') && !triple) {
                return -1;
            }
            if (c == q && (!triple || (i + 2 < n && src.charAt(i + 1) == q && src.charAt(i + 2) == q))) {
                return i + (triple ? 3 : 1);
            }
            if (formatted && c == '{') {
                if (mode == 0 && i + 1 < n && src.charAt(i + 1) == '{') {
                    i += 2;
                    continue;
                }
                if (stack.length() > MAX_BRACKET_DEPTH) {
                    return -1;
                }
                stack.append((char) ('0' + mode));
                mode = 1;
                depth = 0;
            } else if (formatted && c == '}') {
                if (mode == 0 && i + 1 < n && src.charAt(i + 1) == '}') {
                    i += 2;
                    continue;
                }
                if (mode == 2) {
                    mode = stack.charAt(stack.length() - 1) - '0';
                    stack.setLength(stack.length() - 1);
                }
            }
            i++;
        }
        return -1;
    }

    /** Decodes a string body; returns the problem, or null. */
    private static String decode(String rawBody, boolean raw, boolean bytes, StringBuilder out) {
        String body = rawBody.indexOf('\r') >= 0 ? rawBody.replace("\r\n", "\n").replace('\r', '\n') : rawBody;
        if (bytes) {
            for (int i = 0; i < body.length(); i++) {
                if (body.charAt(i) > 127) {
                    return "bytes can only contain ASCII literal characters";
                }
            }
        }
        if (raw) {
            out.append(body);
            return null;
        }
        int len = body.length();
        for (int i = 0; i < len; i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= len) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    int k = 1;
                    while (k < 3 && i + 1 < len && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7') {
                        value = value * 8 + (body.charAt(++i) - '0');
                        k++;
                    }
                    out.appendCodePoint(value);
                }
                case 'x' -> {
                    int value = hex(body, i + 1, 2);
                    if (value < 0) {
                        return "(unicode error) truncated \\xXX escape";
                    }
                    out.appendCodePoint(value);
                    i += 2;
                }
                case 'u', 'U', 'N' -> {
                    if (bytes) {
                        out.append('\\').append(e);
                        break;
                    }
                    if (e == 'N') {
                        int close = body.indexOf('}', i);
                        if (i + 1 >= len || body.charAt(i + 1) != '{' || close < 0) {
                            return "(unicode error) malformed \\N character escape";
                        }
                        try {
                            out.appendCodePoint(Character.codePointOf(body.substring(i + 2, close)));
                        } catch (IllegalArgumentException ex) {
                            return "(unicode error) unknown Unicode character name";
                        }
                        i = close;
                        break;
                    }
                    int digits = e == 'u' ? 4 : 8;
                    int value = hex(body, i + 1, digits);
                    if (value < 0) {
                        return "(unicode error) truncated \\" + e + (e == 'u' ? "XXXX" : "XXXXXXXX") + " escape";
                    }
                    if (value > Character.MAX_CODE_POINT) {
                        return "(unicode error) illegal Unicode character";
                    }
                    out.appendCodePoint(value);
                    i += digits;
                }
                default -> out.append('\\').append(e);
            }
        }
        return null;
    }

    private static int hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = s.charAt(i) < 128 ? Character.digit(s.charAt(i), 16) : -1;
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    // ---- characters ----

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(int cp) {
        return cp == '_' || (cp < 128 ? Character.isLetter(cp) : Character.isUnicodeIdentifierStart(cp));
    }

    static boolean isIdentifierPart(int cp) {
        if (cp < 128) {
            return cp == '_' || Character.isLetterOrDigit(cp);
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }
}
