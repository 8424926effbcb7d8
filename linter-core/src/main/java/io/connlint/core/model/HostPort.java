package io.connlint.core.model;

import java.util.Locale;
import java.util.Optional;

/** A host a client connects to, with its port when one is given. */
public record HostPort(String host, Optional<Integer> port) {

    public HostPort {
        host = host.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code host}, {@code host:port} or {@code [v6]:port}. */
    public static HostPort parse(String text) {
        String t = text.trim();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close > 0) {
                String host = t.substring(1, close);
                String rest = t.substring(close + 1);
                return new HostPort(host, rest.startsWith(":") ? parsePort(rest.substring(1)) : Optional.empty());
            }
        }
        int colon = t.lastIndexOf(':');
        if (colon > 0 && t.indexOf(':') == colon) {
            return new HostPort(t.substring(0, colon), parsePort(t.substring(colon + 1)));
        }
        return new HostPort(t, Optional.empty());
    }

    /** A TCP port, 1–65535, from its digits; anything else (out of range, not a number) is empty. */
    public static Optional<Integer> parsePort(String s) {
        try {
            int port = Integer.parseInt(s.trim());
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when a server declared as {@code declared} is the one this client names (default port 3306). */
    public boolean matches(HostPort declared) {
        if (!host.equals(declared.host)) {
            return false;
        }
        return declared.port.isEmpty() || port.orElse(3306).equals(declared.port.get());
    }

    @Override
    public String toString() {
        return port.map(p -> host + ":" + p).orElse(host);
    }
}
