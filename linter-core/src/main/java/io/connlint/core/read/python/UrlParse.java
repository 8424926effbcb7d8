package io.connlint.core.read.python;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code urllib.parse} as dj-database-url and django-environ use it: urlsplit with the
 * netloc properties of SplitResult, unquote, parse_qs (CPython Lib/urllib/parse.py).
 */
final class UrlParse {

    private UrlParse() {
    }


    /** urllib.parse.urlsplit's result, with the netloc properties of SplitResult. */
    record Split(String scheme, String netloc, String path, String query, String fragment) {

        /** urlsplit; null where Python raises ValueError (unbalanced IPv6 brackets). */
        static Split of(String input) {
            int from = 0;
            int to = input.length();
            while (from < to && input.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && input.charAt(to - 1) <= ' ') {
                to--;
            }
            String url = input.substring(from, to).replace("\t", "").replace("\r", "").replace("\n", "");
            String scheme = "";
            int colon = url.indexOf(':');
            if (colon > 0 && isAsciiLetter(url.charAt(0))) {
                boolean valid = true;
                for (int i = 1; i < colon; i++) {
                    char c = url.charAt(i);
                    if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                        valid = false;
                        break;
                    }
                }
                if (valid) {
                    scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
                    url = url.substring(colon + 1);
                }
            }
            String netloc = "";
            if (url.startsWith("//")) {
                int end = url.length();
                for (char d : new char[]{'/', '?', '#'}) {
                    int i = url.indexOf(d, 2);
                    if (i >= 0) {
                        end = Math.min(end, i);
                    }
                }
                netloc = url.substring(2, end);
                url = url.substring(end);
                if (netloc.contains("[") != netloc.contains("]")) {
                    return null;
                }
            }
            String fragment = "";
            int hash = url.indexOf('#');
            if (hash >= 0) {
                fragment = url.substring(hash + 1);
                url = url.substring(0, hash);
            }
            String query = "";
            int question = url.indexOf('?');
            if (question >= 0) {
                query = url.substring(question + 1);
                url = url.substring(0, question);
            }
            return new Split(scheme, netloc, url, query, fragment);
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        String username() {
            int at = netloc.lastIndexOf('@');
            if (at < 0) {
                return null;
            }
            String userinfo = netloc.substring(0, at);
            int colon = userinfo.indexOf(':');
            return colon < 0 ? userinfo : userinfo.substring(0, colon);
        }

        String password() {
            int at = netloc.lastIndexOf('@');
            if (at < 0) {
                return null;
            }
            String userinfo = netloc.substring(0, at);
            int colon = userinfo.indexOf(':');
            return colon < 0 ? null : userinfo.substring(colon + 1);
        }

        /** [hostname, port] as _hostinfo splits them; the port null when empty. */
        private String[] hostinfo() {
            String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
            int open = hostinfo.indexOf('[');
            String hostname;
            String port;
            if (open >= 0) {
                String bracketed = hostinfo.substring(open + 1);
                int close = bracketed.indexOf(']');
                hostname = close < 0 ? bracketed : bracketed.substring(0, close);
                String rest = close < 0 ? "" : bracketed.substring(close + 1);
                int colon = rest.indexOf(':');
                port = colon < 0 ? "" : rest.substring(colon + 1);
            } else {
                int colon = hostinfo.indexOf(':');
                hostname = colon < 0 ? hostinfo : hostinfo.substring(0, colon);
                port = colon < 0 ? "" : hostinfo.substring(colon + 1);
            }
            return new String[]{hostname, port.isEmpty() ? null : port};
        }

        String hostname() {
            String h = hostinfo()[0];
            if (h.isEmpty()) {
                return null;
            }
            int percent = h.indexOf('%');
            return percent < 0 ? h.toLowerCase(Locale.ROOT)
                    : h.substring(0, percent).toLowerCase(Locale.ROOT) + h.substring(percent);
        }

        /** A {@link Long}, null when absent, or the ValueError's message as a {@link String}. */
        Object port() {
            String p = hostinfo()[1];
            if (p == null) {
                return null;
            }
            if (!p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return "Port could not be cast to integer value as '" + p + "'";
            }
            try {
                long value = Long.parseLong(p);
                return value <= 65535 ? (Object) value : "Port out of range 0-65535";
            } catch (NumberFormatException e) {
                return "Port out of range 0-65535";
            }
        }
    }

    /** urllib.parse.unquote: %XX sequences decoded as UTF-8, invalid bytes replaced. */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && hex(s, i + 1) >= 0 && hex(s, i + 2) >= 0) {
                bytes.write(hex(s, i + 1) * 16 + hex(s, i + 2));
                i += 2;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    private static int hex(String s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** urllib.parse.parse_qs without keep_blank_values: name → values, in first-seen order. */
    static Map<String, List<String>> parseQs(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = pair.substring(eq + 1);
            if (value.isEmpty()) {
                continue;
            }
            String name = unquote(pair.substring(0, eq).replace('+', ' '));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(unquote(value.replace('+', ' ')));
        }
        return out;
    }
}
