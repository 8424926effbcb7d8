package io.connlint.rules.text;

/** How rules write numbers in messages. */
public final class Numbers {

    private Numbers() {
    }

    /** Milliseconds with a readable unit: {@code 1800000 ms (30 min)}. */
    public static String millis(long ms) {
        if (ms == 0) {
            return "0 (infinite)";
        }
        return ms + " ms (" + human(ms / 1000.0) + ")";
    }

    /** Seconds with a readable unit: {@code 28800 s (8 h)}. */
    public static String seconds(long s) {
        return s + " s (" + human(s) + ")";
    }

    private static String human(double seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return (long) (seconds / 60) + " min";
        }
        if (seconds == Math.floor(seconds)) {
            return (long) seconds + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }

    /** {@code 1 process}, {@code 2 processes}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
