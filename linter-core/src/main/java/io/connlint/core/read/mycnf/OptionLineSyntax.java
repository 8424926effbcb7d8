package io.connlint.core.read.mycnf;

import io.connlint.core.model.SourceLocation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * The syntax of one option-file line as mysys reads it (mysys/my_default.c(c)
 * search_default_file_with_ext): what {@code fgets} returns, where a comment starts, how a value
 * is trimmed, unquoted and unescaped, and the argument of an {@code !include}. Lines are latin1
 * text (one char per byte), as mysys works on bytes.
 */
final class OptionLineSyntax {

    private OptionLineSyntax() {
    }

    /**
     * One line as {@code fgets} returns it: latin1 text without the line break; {@code number} is
     * the file's line it is on and {@code offset} the bytes before it on that line (a line cut by
     * MariaDB's buffer continues on the same file line).
     */
    record Line(int number, int offset, String text, boolean terminated) {
    }

    /**
     * Splits the bytes into what successive {@code fgets} calls of at most {@code lineBytes}
     * return; {@code longLine} hears of the first line that is cut.
     */
    static List<Line> split(byte[] bytes, int lineBytes, IntConsumer longLine) {
        List<Line> lines = new ArrayList<>();
        int pos = 0;
        boolean cut = false;
        int number = 1;
        int offset = 0;
        while (pos < bytes.length) {
            int limit = (int) Math.min((long) pos + lineBytes, bytes.length);
            int newline = -1;
            for (int i = pos; i < limit; i++) {
                if (bytes[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline >= 0 ? newline : limit;
            boolean terminated = newline >= 0;
            if (newline < 0 && limit < bytes.length && bytes[limit] != '\n' && !cut) {
                cut = true;
                longLine.accept(number);
            }
            // a NUL byte ends the C string fgets filled (checked with my_print_defaults 10.11)
            for (int i = pos; i < end; i++) {
                if (bytes[i] == 0) {
                    end = i;
                    terminated = false;
                    break;
                }
            }
            lines.add(new Line(number, offset, new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1),
                    terminated));
            if (newline >= 0) {
                number++;
                offset = 0;
            } else {
                offset += limit - pos;
            }
            pos = newline >= 0 ? newline + 1 : limit;
        }
        return lines;
    }

    /** The option on {@code line} from {@code start}: {@code name}, or {@code name = value}. */
    static OptionEntry option(String line, int start, String group, SourceLocation at, UnaryOperator<String> decode) {
        String content = line.substring(start, endOfContent(line, start));
        int eq = content.indexOf('=');
        if (eq < 0) {
            return new OptionEntry(group, decode.apply(stripTrailing(content)), Optional.empty(), "", at);
        }
        String name = stripTrailing(content.substring(0, eq));
        String raw = stripSpace(content.substring(eq + 1));
        return new OptionEntry(group, decode.apply(name), Optional.of(decode.apply(unescape(unquote(raw)))),
                decode.apply(raw), at);
    }

    /**
     * Where the option's text ends: at a {@code #} outside quotes (mysys remove_end_comment, which
     * tracks quotes over the whole line and honours backslash escapes inside them). Checked with
     * my_print_defaults 10.11: {@code a=1#c} is {@code 1} (no space needed before the {@code #}),
     * and a {@code ;} after a value stays in it.
     */
    static int endOfContent(String line, int from) {
        char quote = 0;
        boolean escape = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '\'' || c == '"') && !escape) {
                if (quote == 0) {
                    quote = c;
                } else if (quote == c) {
                    quote = 0;
                }
            }
            if (quote == 0 && c == '#') {
                return i;
            }
            escape = quote != 0 && c == '\\' && !escape;
        }
        return line.length();
    }

    /** One pair of matching quotes around a value longer than one character is removed. */
    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    /** {@code \n \t \r \b \s \" \' \\}; any other backslash, and one at the end, stays. */
    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                String replacement = switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'b' -> "\b";
                    case 's' -> " ";
                    case '"' -> "\"";
                    case '\'' -> "'";
                    case '\\' -> "\\";
                    default -> "\\" + next;
                };
                out.append(replacement);
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * mysys: {@code strncmp(ptr, keyword)} and white space after it; the line break fgets keeps
     * counts as that space, so a bare {@code !include} line is a directive without a path.
     */
    static boolean startsWithWord(String s, String word, boolean terminated) {
        if (!s.startsWith(word)) {
            return false;
        }
        return s.length() > word.length() ? isSpace(s.charAt(word.length())) : terminated;
    }

    /**
     * mysys get_argument: skips white space, then cuts the last character (meant to be the
     * {@code '\n'}) and the white space before it. Empty when nothing is left.
     */
    static Optional<String> argument(String afterKeyword, boolean terminated) {
        String full = afterKeyword + (terminated ? "\n" : "");
        full = full.substring(skipSpace(full, 0));
        int end = full.length() - 1;
        while (end - 1 >= 0 && isSpace(full.charAt(end - 1))) {
            end--;
        }
        return end <= 0 ? Optional.empty() : Optional.of(full.substring(0, end));
    }

    /**
     * mysys my_isspace over latin1: space, \t, \n, \v, \f, \r and 0xA0 (checked with
     * my_print_defaults 10.11 over all 255 byte values).
     */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u00a0';
    }

    static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripTrailing(String s) {
        int e = s.length();
        while (e > 0 && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }

    private static String stripSpace(String s) {
        return stripTrailing(s.substring(skipSpace(s, 0)));
    }

    /** mysys find_type compares group names with latin1 my_toupper; the wanted names are ASCII. */
    static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** The order of names as C's strcmp over their UTF-8 bytes (mysys sorts an includedir so). */
    static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
