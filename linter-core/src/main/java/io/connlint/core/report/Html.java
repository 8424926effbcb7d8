package io.connlint.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * HTML escaping for the HTML report: every text that comes from the project goes through it; and
 * the small formatting helpers its sections share.
 */
final class Html {

    private Html() {
    }

    /** Text safe in element content and in quoted attribute values. */
    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab and newline are not allowed in HTML text
                    if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A heading of {@code level} (at most h6) around escaped text. */
    static String heading(int level, String text) {
        int h = Math.min(level, 6);
        return "<h" + h + ">" + esc(text) + "</h" + h + ">";
    }

    /** {@code s} with its first letter in upper case. */
    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Milliseconds in the largest whole unit: {@code 30 min}, {@code 600 s}, {@code 1500 ms}. */
    static String duration(long ms) {
        if (ms % 3_600_000 == 0 && ms >= 3_600_000) {
            return ms / 3_600_000 + " h";
        }
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return ms / 60_000 + " min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }

    /** Appends from a lambda that may not throw {@link IOException}. */
    static void append(Appendable out, String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
