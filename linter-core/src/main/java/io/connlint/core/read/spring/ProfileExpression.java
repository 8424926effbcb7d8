package io.connlint.core.read.spring;

import java.util.Set;

/**
 * A Spring profile expression as {@code spring.config.activate.on-profile} takes it
 * (org.springframework.core.env.Profiles.of): names, {@code !}, {@code &}, {@code |} and
 * parentheses; a comma-separated list matches when any of its expressions does.
 */
public final class ProfileExpression {

    /** Deeper nesting of parentheses and '!' is refused rather than recursed into (no stack overflow). */
    static final int MAX_DEPTH = 100;

    private final String text;
    private int pos;
    private int depth;

    private ProfileExpression(String text) {
        this.text = text;
    }

    /** Whether {@code expression} matches the active profiles. */
    public static boolean matches(String expression, Set<String> active) {
        for (String part : expression.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            ProfileExpression parser = new ProfileExpression(part.trim());
            boolean result = parser.or(active);
            parser.skipSpace();
            if (parser.pos != parser.text.length()) {
                throw new IllegalArgumentException("malformed profile expression '" + part.trim() + "'");
            }
            if (result) {
                return true;
            }
        }
        return false;
    }

    /** One level: operands joined by {@code &} or by {@code |}; mixing them needs parentheses (as Spring demands). */
    private boolean or(Set<String> active) {
        boolean value = unary(active);
        char operator = 0;
        while (peek('|') || peek('&')) {
            char c = text.charAt(pos);
            if (operator != 0 && c != operator) {
                throw new IllegalArgumentException("malformed profile expression '" + text
                        + "': & and | need parentheses when mixed");
            }
            operator = c;
            pos++;
            boolean next = unary(active);
            value = c == '|' ? value | next : value & next;
        }
        return value;
    }

    private boolean unary(Set<String> active) {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("malformed profile expression: nested more than " + MAX_DEPTH + " deep");
        }
        try {
            return operand(active);
        } finally {
            depth--;
        }
    }

    private boolean operand(Set<String> active) {
        if (peek('!')) {
            pos++;
            return !unary(active);
        }
        if (peek('(')) {
            pos++;
            boolean value = or(active);
            if (!peek(')')) {
                throw new IllegalArgumentException("malformed profile expression '" + text + "': missing ')'");
            }
            pos++;
            return value;
        }
        skipSpace();
        int start = pos;
        while (pos < text.length() && "!&|() ".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("malformed profile expression '" + text + "'");
        }
        return active.contains(text.substring(start, pos));
    }

    private boolean peek(char c) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
