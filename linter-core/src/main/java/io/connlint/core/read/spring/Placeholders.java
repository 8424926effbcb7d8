package io.connlint.core.read.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ${name}} and {@code ${name:default}} placeholders, nested in names and defaults, as
 * Spring's PropertyPlaceholderHelper resolves them. What cannot be resolved is kept and named.
 */
public final class Placeholders {

    /**
     * The resolved text, the names that had neither a value nor a default, and the names that
     * refer to themselves (Spring refuses those: "Circular placeholder reference").
     */
    public record Resolved(String value, List<String> unresolved, List<String> circular) {
        public boolean complete() {
            return unresolved.isEmpty() && circular.isEmpty();
        }
    }

    private static final int MAX_DEPTH = 32;

    private final Function<String, Optional<String>> lookup;

    public Placeholders(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public Resolved resolve(String text) {
        List<String> unresolved = new ArrayList<>();
        List<String> circular = new ArrayList<>();
        String value = resolve(text, unresolved, circular, new java.util.ArrayDeque<>(), 0);
        return new Resolved(value, unresolved, circular);
    }

    private String resolve(String text, List<String> unresolved, List<String> circular,
                           java.util.Deque<String> resolving, int depth) {
        if (depth > MAX_DEPTH) {
            circular.add(text);
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            if (start > 0 && text.charAt(start - 1) == '\\') {
                // an escaped placeholder stays as text, without the backslash (Spring 6.2 PlaceholderParser)
                out.append(text, i, start - 1).append("${");
                i = start + 2;
                continue;
            }
            int end = matchingBrace(text, start + 2);
            if (end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String inner = text.substring(start + 2, end);
            int colon = topLevelColon(inner);
            String name = resolve(colon < 0 ? inner : inner.substring(0, colon), unresolved, circular, resolving,
                    depth + 1);
            if (resolving.contains(name)) {
                circular.add(name);
                out.append("${").append(name).append('}');
                i = end + 1;
                continue;
            }
            Optional<String> found = lookup.apply(name);
            if (found.isPresent()) {
                resolving.push(name);
                out.append(resolve(found.get(), unresolved, circular, resolving, depth + 1));
                resolving.pop();
            } else if (colon >= 0) {
                out.append(resolve(inner.substring(colon + 1), unresolved, circular, resolving, depth + 1));
            } else {
                unresolved.add(name);
                out.append("${").append(name).append('}');
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int topLevelColon(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
