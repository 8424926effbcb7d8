package io.connlint.core.read.python;

import io.connlint.core.read.python.Token.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens as CPython's tokenizer gives them, with 1-based lines and columns in code points. */
class LexerTest {

    private static String tokens(String src) {
        return Lexer.tokenize(src).stream().map(LexerTest::show).collect(Collectors.joining(" "));
    }

    private static String show(Token t) {
        return switch (t.kind()) {
            case NEWLINE, INDENT, DEDENT, EOF -> t.kind().name();
            case ERROR -> "ERROR(" + t.value() + ")";
            default -> t.text();
        } + "@" + t.line() + ":" + t.col();
    }

    @Test
    void indentationGivesIndentAndDedent() {
        assertEquals("if@1:1 x@1:4 :@1:5 NEWLINE@1:6 INDENT@2:5 y@2:5 =@2:7 1@2:9 NEWLINE@2:10 DEDENT@4:1 z@4:1"
                        + " NEWLINE@4:2 EOF@5:1",
                tokens("if x:\n    y = 1\n\nz\n"));
    }

    @Test
    void bracketsAndBackslashesJoinLines() {
        assertEquals("x@1:1 =@1:3 (@1:5 1@1:6 ,@1:7 2@3:1 )@3:2 +@3:4 3@4:1 NEWLINE@4:2 EOF@5:1",
                tokens("x = (1,\n    # comment\n2) + \\\n3\n"));
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        assertEquals("a@1:1 =@1:3 '😀😀'@1:5 ;@1:9 b@1:11 =@1:13 1@1:15 NEWLINE@1:16 EOF@2:1",
                tokens("a = '😀😀'; b = 1\n"));
    }

    @Test
    void tabsIndentToMultiplesOfEight() {
        List<Token> t = Lexer.tokenize("if x:\n\ty = 1\n        z = 2\n");
        assertEquals(1, t.stream().filter(k -> k.kind() == Kind.INDENT).count(), "a tab and eight spaces are one level");
    }

    @Test
    void stringsAndNumbersCarryTheirValues() {
        List<Token> t = Lexer.tokenize("'a\\x41' 0b11 1.5 3j\n");
        assertEquals("aA", ((Token.Literal) t.get(0).value()).value());
        assertEquals(3L, t.get(1).value());
        assertEquals(1.5, t.get(2).value());
        assertEquals(new Token.Opaque("complex numbers are not modelled"), t.get(3).value());
    }

    @Test
    void errorsAreTokensAndLexingGoesOn() {
        assertEquals("x@1:1 =@1:3 ERROR(unterminated string literal (detected at line 1))@1:5 NEWLINE@1:8"
                        + " y@2:1 =@2:3 ERROR(invalid character '$' (U+0024))@2:5 NEWLINE@2:6 EOF@3:1",
                tokens("x = 'ab\ny = $\n"));
        assertEquals("ERROR(unmatched ')')@1:1 NEWLINE@1:2 EOF@2:1", tokens(")\n"));
    }

    @Test
    void fStringsWithNestedQuotesAndFormatSpecs() {
        assertEquals("f\"{a[\"k\"]:{w}} {{x}}\"@1:1 NEWLINE@1:22 EOF@2:1", tokens("f\"{a[\"k\"]:{w}} {{x}}\"\n"));
    }
}
