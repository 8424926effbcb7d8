package io.connlint.core.text;

import java.util.Collection;
import java.util.Optional;

/** The nearest known word to a misspelt one, for "did you mean" hints. */
public final class Similar {

    private Similar() {
    }

    public static Optional<String> nearest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = normal(word);
        int allowed = Math.max(2, w.length() * 2 / 5);
        for (String candidate : known) {
            String c = normal(candidate);
            if (Math.abs(w.length() - c.length()) > allowed) {
                continue; // the distance is at least the difference in length: never close enough
            }
            int d = distance(w, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Case and separators do not count: {@code maximum-pool-size} is one step from nothing. */
    private static String normal(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** {@code ; did you mean 'x'?} or nothing. */
    public static String hint(String word, Collection<String> known) {
        return nearest(word, known).map(n -> "; did you mean '" + n + "'?").orElse("");
    }
}
