package io.connlint.core.read.spring;

import java.util.Locale;

/**
 * Spring Boot's relaxed property names: within one dot-separated element case and every
 * non-alphanumeric character are ignored (ConfigurationPropertyName.defaultElementEquals), so
 * {@code maximum-pool-size}, {@code maximumPoolSize}, {@code maximum_pool_size} and
 * {@code MAXIMUMPOOLSIZE} are one key. Indexed elements ({@code [0]}, {@code [cachePrepStmts]})
 * are kept as written.
 */
public final class SpringKeys {

    private SpringKeys() {
    }

    /** The canonical form: {@code spring.datasource.hikari.maximumpoolsize}. */
    public static String canonical(String key) {
        StringBuilder out = new StringBuilder(key.length());
        StringBuilder element = new StringBuilder();
        int i = 0;
        while (i < key.length()) {
            char c = key.charAt(i);
            if (c == '.') {
                flush(out, element);
                i++;
            } else if (c == '[') {
                flush(out, element);
                int close = key.indexOf(']', i);
                String index = close < 0 ? key.substring(i + 1) : key.substring(i + 1, close);
                out.append('[').append(index).append(']');
                i = close < 0 ? key.length() : close + 1;
            } else {
                if (Character.isLetterOrDigit(c)) {
                    element.append(Character.toLowerCase(c));
                }
                i++;
            }
        }
        flush(out, element);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder element) {
        if (element.length() > 0) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(element);
            element.setLength(0);
        }
    }

    /**
     * The property an environment variable sets: {@code SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE}
     * → {@code spring.datasource.hikari.maximumpoolsize} (dots become underscores, dashes are
     * removed, upper case; SystemEnvironmentPropertyMapper).
     */
    public static String fromEnvironment(String name) {
        return canonical(name.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** True when {@code canonicalKey} is {@code canonicalPrefix} or lies under it. */
    public static boolean isUnder(String canonicalKey, String canonicalPrefix) {
        return canonicalKey.equals(canonicalPrefix) || canonicalKey.startsWith(canonicalPrefix + ".")
                || canonicalKey.startsWith(canonicalPrefix + "[");
    }

    /** The kebab-case spelling Spring's documentation uses: {@code maximumPoolSize} → {@code maximum-pool-size}. */
    public static String kebab(String property) {
        StringBuilder out = new StringBuilder();
        for (char c : property.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
