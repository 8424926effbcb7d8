package io.connlint.core.read;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code .properties} file into key/value pairs exactly as
 * {@link java.util.Properties#load(java.io.Reader)} does (logical lines, continuations, {@code #}/{@code !}
 * comments, {@code =}/{@code :}/whitespace separators, escapes), and keeps where each key starts,
 * which {@code Properties} forgets.
 */
public final class PropertiesScanner {

    /** One pair, at the position of its key. */
    public record Entry(String key, String value, SourceLocation at) {
    }

    private PropertiesScanner() {
    }

    public static List<Entry> scan(TextFile file) throws TextFile.Unreadable {
        return scan(file, 1);
    }

    /** Scans text that starts at line {@code firstLine} of the file (one document of several). */
    public static List<Entry> scan(TextFile file, int firstLine) throws TextFile.Unreadable {
        String text = file.text();
        List<Entry> entries = new ArrayList<>();
        int pos = 0;
        int line = firstLine;
        int n = text.length();
        while (pos < n) {
            // a natural line starts here
            int lineStart = pos;
            int i = pos;
            while (i < n && isWhite(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                pos = endOfLine(text, i);
                line++;
                continue;
            }
            if (c == '#' || c == '!') {
                int e = i;
                while (e < n && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
                    e++;
                }
                pos = e < n ? endOfLine(text, e) : n;
                line++;
                continue;
            }
            int keyLine = line;
            int keyColumn = i - lineStart + 1;
            // gather the logical line, joining continuations
            StringBuilder logical = new StringBuilder();
            int j = i;
            while (true) {
                int e = j;
                while (e < n && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
                    e++;
                }
                String part = text.substring(j, e);
                int backslashes = 0;
                for (int k = part.length() - 1; k >= 0 && part.charAt(k) == '\\'; k--) {
                    backslashes++;
                }
                boolean continued = backslashes % 2 == 1;
                logical.append(continued ? part.substring(0, part.length() - 1) : part);
                if (e >= n) {
                    pos = n;
                    break;
                }
                pos = endOfLine(text, e);
                line++;
                if (!continued) {
                    break;
                }
                j = pos;
                while (j < n && isWhite(text.charAt(j))) {
                    j++;
                }
                if (j >= n) {
                    pos = n;
                    break;
                }
            }
            SourceLocation at = new SourceLocation(file.path(), keyLine, keyColumn);
            try {
                entries.add(split(logical.toString(), at));
            } catch (IllegalArgumentException e) {
                throw new TextFile.Unreadable(ReadProblem.unreadable(at, e.getMessage()));
            }
        }
        return entries;
    }

    private static Entry split(String logical, SourceLocation at) {
        int len = logical.length();
        int keyEnd = 0;
        boolean escaped = false;
        while (keyEnd < len) {
            char c = logical.charAt(keyEnd);
            if (!escaped && (c == '=' || c == ':' || isWhite(c))) {
                break;
            }
            escaped = c == '\\' && !escaped;
            keyEnd++;
        }
        int valueStart = keyEnd;
        while (valueStart < len && isWhite(logical.charAt(valueStart))) {
            valueStart++;
        }
        if (valueStart < len && (logical.charAt(valueStart) == '=' || logical.charAt(valueStart) == ':')) {
            valueStart++;
            while (valueStart < len && isWhite(logical.charAt(valueStart))) {
                valueStart++;
            }
        }
        return new Entry(unescape(logical.substring(0, keyEnd)), unescape(logical.substring(valueStart)), at);
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                if (c != '\\') {
                    out.append(c);
                }
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (!isHex(s, i + 1)) {
                        // Properties.load refuses the whole file the same way
                        throw new IllegalArgumentException("malformed \\uxxxx escape: '\\u' must be followed by"
                                + " four hexadecimal digits");
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from) {
        if (from + 4 > s.length()) {
            return false;
        }
        for (int k = from; k < from + 4; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static int endOfLine(String text, int at) {
        if (text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
            return at + 2;
        }
        return at + 1;
    }
}
