package io.connlint.core.report;

/** HTML escaping for the HTML report: every text that comes from the project goes through it. */
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
}
