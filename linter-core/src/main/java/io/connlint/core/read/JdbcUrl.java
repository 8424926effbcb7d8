package io.connlint.core.read;

import io.connlint.core.model.HostPort;
import io.connlint.core.model.Setting;
import io.connlint.core.model.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL Connector/J and MariaDB Connector/J URLs: {@code jdbc:mysql://h1:3306,h2/db?user=app},
 * {@code jdbc:mysql:loadbalance://…}, {@code jdbc:mariadb:replication://…},
 * {@code jdbc:mysql://address=(host=h)(port=3306)/db}.
 */
public final class JdbcUrl {

    private static final Pattern URL = Pattern.compile(
            "jdbc:(mysql|mariadb)(?::[a-z]+)*://([^/?]*)(?:/([^?;]*))?(?:[?;](.*))?", Pattern.CASE_INSENSITIVE);
    /** Longer {@code jdbc:mysql:a:b:…} prefixes are not MySQL URLs (and overflow the regex's stack). */
    static final int MAX_SCHEME_LENGTH = 256;
    private static final Pattern ADDRESS_HOST = Pattern.compile("\\(host=([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS_PORT = Pattern.compile("\\(port=(\\d+)\\)", Pattern.CASE_INSENSITIVE);

    private JdbcUrl() {
    }

    /** True for a MySQL or MariaDB JDBC URL. */
    public static boolean isMySql(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:");
    }

    /**
     * The target of a MySQL/MariaDB URL, or empty for any other URL (or a placeholder).
     *
     * @param url  the URL setting
     * @param user a {@code username} setting, which the URL's {@code user=} parameter overrides
     */
    public static Optional<Target> parse(Setting<String> url, Optional<Setting<String>> user) {
        String text = url.value().trim();
        int scheme = text.indexOf("://");
        if (scheme > MAX_SCHEME_LENGTH) {
            return Optional.empty(); // no real sub-protocol list is this long; the regex would recurse per ':' part
        }
        Matcher m = URL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String part : splitHosts(m.group(2))) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.toLowerCase(Locale.ROOT).startsWith("address=")) {
                Matcher h = ADDRESS_HOST.matcher(p);
                Matcher port = ADDRESS_PORT.matcher(p);
                if (h.find()) {
                    hosts.add(new HostPort(h.group(1),
                            port.find() ? HostPort.parsePort(port.group(1)) : Optional.empty()));
                }
                continue;
            }
            if (p.startsWith("(") && p.endsWith(")")) {
                Matcher h = Pattern.compile("host=([^,)]*)", Pattern.CASE_INSENSITIVE).matcher(p);
                Matcher port = Pattern.compile("port=(\\d+)", Pattern.CASE_INSENSITIVE).matcher(p);
                if (h.find()) {
                    hosts.add(new HostPort(h.group(1),
                            port.find() ? HostPort.parsePort(port.group(1)) : Optional.empty()));
                }
                continue;
            }
            int at = p.lastIndexOf('@');
            hosts.add(HostPort.parse(at >= 0 ? p.substring(at + 1) : p));
        }
        if (hosts.isEmpty()) {
            hosts.add(new HostPort("localhost", Optional.empty()));
        }
        Optional<String> database = Optional.ofNullable(m.group(3)).filter(s -> !s.isBlank());
        Optional<Setting<String>> account = user;
        if (m.group(4) != null) {
            for (String param : m.group(4).split("[&;]")) {
                int eq = param.indexOf('=');
                if (eq > 0 && param.substring(0, eq).equalsIgnoreCase("user")) {
                    String name = param.substring(eq + 1);
                    account = Optional.of(url.location()
                            .map(where -> Setting.written("user", name, param, where))
                            .orElseGet(() -> Setting.derived("user", name, "the user= parameter of " + url.value())));
                }
            }
        }
        return Optional.of(new Target(hosts, database, account, url));
    }

    /** Splits the host list at commas outside parentheses. */
    private static List<String> splitHosts(String hosts) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < hosts.length(); i++) {
            char c = hosts.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(hosts.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(hosts.substring(start));
        return parts;
    }
}
