package io.connlint.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of a seed file: the same seed and random seed give the same bytes, so a
 * failing case is reproduced from what jqwik reports. Byte-level edits (flips, deletions, invalid
 * UTF-8, line endings, truncation) and token-level ones (a format's keywords and punctuation,
 * extreme numbers, repeated and deeply nested structure).
 */
final class Mutator {

    /** Numbers that break naive parsing: overflow, signs, exponents, hex, separators. */
    static final List<String> NUMBERS = List.of("0", "-1", "-0", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999",
            "1e309", "-1e309", "NaN", "Infinity", "0x7fffffffffffffff", "0b101", "0o777", "1_000", "1.5", ".5", "5.",
            "1E3", "18446744073709551615", "16E", "8P", "1T", "4G", "512M", "64K", "1k", "-1G", "0.0001", "1e-400");

    /** Bytes and sequences that decoders mishandle. */
    private static final List<byte[]> RAW = List.of(
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},      // BOM (valid at the start only)
            new byte[] {(byte) 0xc3},                                // truncated 2-byte sequence
            new byte[] {(byte) 0xff},                                // never valid in UTF-8
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},      // a surrogate, invalid in UTF-8
            new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, // a 4-byte code point (astral)
            new byte[] {(byte) 0xe2, (byte) 0x80, (byte) 0xa8},      // U+2028 line separator
            new byte[] {(byte) 0xc2, (byte) 0x85},                   // U+0085 next line
            new byte[] {(byte) 0xc2, (byte) 0xa0},                   // no-break space
            new byte[] {0x0c}, new byte[] {0x0b}, new byte[] {0x1b}, new byte[] {0x7f},
            new byte[] {'\r'}, new byte[] {'\r', '\n'}, new byte[] {'\n'}, new byte[] {'\t'},
            new byte[] {0});

    private Mutator() {
    }

    /** {@code seed} with 1 to {@code maxEdits} edits chosen by {@code random}. */
    static byte[] mutate(byte[] seed, List<byte[]> others, List<String> dictionary, Random random, int maxEdits) {
        byte[] data = seed;
        int edits = 1 + random.nextInt(maxEdits);
        for (int i = 0; i < edits; i++) {
            data = edit(data, others, dictionary, random);
        }
        return data;
    }

    /** Past this size only edits that do not grow the input: repeated growth makes megabytes, not bugs. */
    static final int GROWTH_LIMIT = 64 * 1024;

    private static byte[] edit(byte[] data, List<byte[]> others, List<String> dictionary, Random r) {
        int n = data.length;
        int op = n > GROWTH_LIMIT ? new int[] {0, 1, 2, 6, 11}[r.nextInt(5)] : r.nextInt(16);
        switch (op) {
            case 0: { // flip one byte
                if (n == 0) {
                    return data;
                }
                byte[] copy = data.clone();
                copy[r.nextInt(n)] = (byte) r.nextInt(256);
                return copy;
            }
            case 1: // delete a range
                if (n == 0) {
                    return data;
                }
                int from = r.nextInt(n);
                int to = Math.min(n, from + 1 + r.nextInt(r.nextBoolean() ? 4 : 64));
                return splice(data, from, to, new byte[0]);
            case 2: // truncate
                return n == 0 ? data : java.util.Arrays.copyOf(data, r.nextInt(n));
            case 3: { // duplicate a range somewhere
                if (n == 0) {
                    return data;
                }
                int from2 = r.nextInt(n);
                int to2 = Math.min(n, from2 + 1 + r.nextInt(200));
                byte[] chunk = java.util.Arrays.copyOfRange(data, from2, to2);
                int at = r.nextInt(n + 1);
                return splice(data, at, at, chunk);
            }
            case 4: { // raw bytes that decoders mishandle (NUL rarely: it ends every read at once)
                byte[] raw = RAW.get(r.nextInt(RAW.size()));
                if (raw.length == 1 && raw[0] == 0 && r.nextInt(8) != 0) {
                    raw = RAW.get(r.nextInt(RAW.size() - 1));
                }
                int at = r.nextInt(n + 1);
                return splice(data, at, at, raw);
            }
            case 5: { // an extreme number in place of a digit run, or anywhere
                String number = NUMBERS.get(r.nextInt(NUMBERS.size()));
                int at = findDigit(data, r);
                if (at < 0) {
                    int pos = r.nextInt(n + 1);
                    return splice(data, pos, pos, bytes(number));
                }
                int end = at;
                while (end < n && (Character.isDigit(data[end]) || data[end] == '.')) {
                    end++;
                }
                return splice(data, at, end, bytes(number));
            }
            case 6: { // swap two lines
                List<byte[]> lines = lines(data);
                if (lines.size() < 2) {
                    return data;
                }
                int a = r.nextInt(lines.size());
                int b = r.nextInt(lines.size());
                byte[] t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                return join(lines);
            }
            case 7: { // repeat one line many times
                List<byte[]> lines = lines(data);
                if (lines.isEmpty()) {
                    return data;
                }
                int a = r.nextInt(lines.size());
                int times = 1 + r.nextInt(r.nextInt(10) == 0 ? 500 : 8);
                for (int i = 0; i < times; i++) {
                    lines.add(a, lines.get(a));
                }
                return join(lines);
            }
            case 8: { // splice in a chunk of another seed
                byte[] other = others.get(r.nextInt(others.size()));
                if (other.length == 0) {
                    return data;
                }
                int from3 = r.nextInt(other.length);
                int to3 = Math.min(other.length, from3 + 1 + r.nextInt(400));
                int at = r.nextInt(n + 1);
                return splice(data, at, at, java.util.Arrays.copyOfRange(other, from3, to3));
            }
            case 9: { // deep nesting of brackets, quotes or indentation
                String[] openers = {"[", "{", "(", "- ", "  ", "\"", "'", "${", "\\", "!include ", "#", ":", "a.",
                        "[a]\n", "&a ", "*a ", "!!", "%", "@", "- [", "{a: ", "f(", "x[", "lambda: "};
                String unit = openers[r.nextInt(openers.length)];
                int times = 1 + r.nextInt(r.nextInt(4) == 0 ? 3000 : 40);
                int at = r.nextInt(n + 1);
                return splice(data, at, at, bytes(unit.repeat(times)));
            }
            case 10: { // a very long token
                int at = r.nextInt(n + 1);
                int len = 1 + r.nextInt(r.nextInt(6) == 0 ? 20000 : 300);
                String chars = "a9 =:'\"\\\t.-_x";
                char c = chars.charAt(r.nextInt(chars.length()));
                return splice(data, at, at, bytes(String.valueOf(c).repeat(len)));
            }
            case 11: { // line endings: all CRLF, all CR, or mixed
                String text = new String(data, StandardCharsets.ISO_8859_1);
                String ending = switch (r.nextInt(3)) {
                    case 0 -> "\r\n";
                    case 1 -> "\r";
                    default -> "\n\r";
                };
                return text.replace("\n", ending).getBytes(StandardCharsets.ISO_8859_1);
            }
            default: { // a keyword or punctuation of the format, often at a line start
                String token = dictionary.get(r.nextInt(dictionary.size()));
                int at = r.nextBoolean() ? lineStart(data, r) : r.nextInt(n + 1);
                String text = r.nextInt(3) == 0 ? token + "\n" : token;
                return splice(data, at, at, bytes(text));
            }
        }
    }

    /** A file made of the format's tokens, joined by separators, over several lines. */
    static byte[] generate(List<String> dictionary, Random r) {
        StringBuilder sb = new StringBuilder();
        String[] separators = {" ", "", "=", ": ", "\t", ".", ",", " = ", "\n  ", "\n    ", "\n- "};
        int lines = r.nextInt(30);
        for (int l = 0; l < lines; l++) {
            int tokens = 1 + r.nextInt(7);
            if (r.nextInt(4) == 0) {
                sb.append("  ".repeat(r.nextInt(4)));
            }
            for (int t = 0; t < tokens; t++) {
                if (t > 0) {
                    sb.append(separators[r.nextInt(separators.length)]);
                }
                sb.append(r.nextInt(5) == 0 ? NUMBERS.get(r.nextInt(NUMBERS.size()))
                        : dictionary.get(r.nextInt(dictionary.size())));
            }
            sb.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return bytes(sb.toString());
    }

    private static int findDigit(byte[] data, Random r) {
        if (data.length == 0) {
            return -1;
        }
        int start = r.nextInt(data.length);
        for (int i = 0; i < data.length; i++) {
            int p = (start + i) % data.length;
            if (Character.isDigit(data[p])) {
                return p;
            }
        }
        return -1;
    }

    private static int lineStart(byte[] data, Random r) {
        if (data.length == 0) {
            return 0;
        }
        int p = r.nextInt(data.length);
        while (p > 0 && data[p - 1] != '\n') {
            p--;
        }
        return p;
    }

    private static List<byte[]> lines(byte[] data) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(data, start, i + 1));
                start = i + 1;
            }
        }
        if (start < data.length) {
            lines.add(java.util.Arrays.copyOfRange(data, start, data.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
        }
        return out.toByteArray();
    }

    static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
