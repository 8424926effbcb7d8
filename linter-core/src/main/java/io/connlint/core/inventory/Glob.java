package io.connlint.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path pattern of connlint.yml's {@code include:} / {@code exclude:}, matched against a path
 * relative to the project root with {@code /} separators. {@code *} and {@code ?} stay within one
 * name, {@code **} crosses folders and {@code **}{@code /} matches zero or more folders; a pattern
 * without {@code /} matches any one name on the path (a file or a folder, as in {@code .gitignore}).
 * Matching is a table over pattern and path, so it costs their lengths' product at most whatever
 * the pattern: the patterns come from the checkout, which is untrusted.
 */
public final class Glob {

    /** The longest pattern accepted; connlint.yml reports a longer one. */
    public static final int MAX_LENGTH = 1000;

    private enum Kind { LITERAL, ONE, STAR, STARS, STARS_SLASH }

    private record Token(Kind kind, char c) {
    }

    private final String pattern;
    private final List<Token> tokens;
    private final boolean anyName;

    private Glob(String pattern, List<Token> tokens, boolean anyName) {
        this.pattern = pattern;
        this.tokens = tokens;
        this.anyName = anyName;
    }

    /** The pattern, or empty when it is blank or longer than {@link #MAX_LENGTH}. */
    public static Optional<Glob> parse(String pattern) {
        String p = pattern.strip();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1); // "fixtures/": the folder, as in .gitignore
        }
        if (p.isEmpty() || p.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        boolean anchored = p.startsWith("/");
        if (anchored) {
            p = p.substring(1);
        }
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                int end = i + 2;
                while (end < p.length() && p.charAt(end) == '*') {
                    end++;
                }
                boolean slash = end < p.length() && p.charAt(end) == '/';
                tokens.add(new Token(slash ? Kind.STARS_SLASH : Kind.STARS, '*'));
                i = slash ? end : end - 1;
            } else if (c == '*') {
                tokens.add(new Token(Kind.STAR, c));
            } else if (c == '?') {
                tokens.add(new Token(Kind.ONE, c));
            } else {
                tokens.add(new Token(Kind.LITERAL, c));
            }
        }
        return Optional.of(new Glob(pattern.strip(), List.copyOf(tokens), !anchored && p.indexOf('/') < 0));
    }

    /** True when the pattern matches {@code relative} or, for a one-name pattern, any name on it. */
    public boolean matches(String relative) {
        if (!anyName) {
            return matchesWhole(relative);
        }
        int start = 0;
        while (start <= relative.length()) {
            int end = relative.indexOf('/', start);
            if (end < 0) {
                end = relative.length();
            }
            if (matchesWhole(relative.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** True when the pattern matches a folder at {@code relative} or a folder above it. */
    public boolean matchesFolderOf(String relative) {
        if (anyName) {
            int slash = relative.lastIndexOf('/');
            return slash > 0 && matches(relative.substring(0, slash));
        }
        for (int slash = relative.indexOf('/'); slash > 0; slash = relative.indexOf('/', slash + 1)) {
            if (matchesWhole(relative.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesWhole(String text) {
        int n = text.length();
        boolean[] cur = new boolean[n + 1];
        cur[0] = true;
        for (Token t : tokens) {
            boolean[] next = new boolean[n + 1];
            boolean any = false;
            switch (t.kind()) {
                case LITERAL -> {
                    for (int i = 0; i < n; i++) {
                        next[i + 1] = cur[i] && text.charAt(i) == t.c();
                    }
                }
                case ONE -> {
                    for (int i = 0; i < n; i++) {
                        next[i + 1] = cur[i] && text.charAt(i) != '/';
                    }
                }
                case STAR -> {
                    next[0] = cur[0];
                    for (int i = 1; i <= n; i++) {
                        next[i] = cur[i] || (next[i - 1] && text.charAt(i - 1) != '/');
                    }
                }
                case STARS -> {
                    for (int i = 0; i <= n; i++) {
                        any |= cur[i];
                        next[i] = any;
                    }
                }
                case STARS_SLASH -> {
                    // zero folders, or any text that ends with a '/'
                    for (int i = 0; i <= n; i++) {
                        next[i] = cur[i] || (i > 0 && text.charAt(i - 1) == '/' && any);
                        any |= cur[i];
                    }
                }
            }
            cur = next;
        }
        return cur[n];
    }

    @Override
    public String toString() {
        return pattern;
    }
}
