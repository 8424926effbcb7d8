package io.connlint.core.read.server;

import io.connlint.core.model.ServerEngine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every option a server binary accepts, where connlint has the list: MariaDB 10.11, as
 * {@code mariadbd --help --verbose} of 10.11.19 lists it (resource {@code mariadb-10.11-options.txt},
 * checked against the installed server by ServerOptionsTest). For other engines the list is not
 * known and {@link #of} is empty: connlint then cannot tell an unknown option from a real one.
 *
 * <p>Names are looked up as MariaDB's my_getopt does (measured on 10.11.19): {@code -} and
 * {@code _} are equal, the case does not matter ({@code MAX_CONNECTIONS} is max_connections), and
 * a prefix of a name is accepted ({@code wait} sets wait_timeout; "Using unique option prefix 'wait'
 * is error-prone"). Options without a help text are not listed by {@code --help}, so a prefix of
 * several names is taken as known too (mariadbd accepts {@code max_conn}, refuses {@code table_open}).
 */
public final class ServerOptions {

    /** What argument an option takes, from the help's {@code --name=#}, {@code --name[=name]}, {@code --name}. */
    public enum Argument {
        /** {@code =#}: a number, required. */
        NUMBER,
        /** {@code [=#]}: a number, optional. */
        OPTIONAL_NUMBER,
        /** {@code =name}: text, required. */
        TEXT,
        /** {@code [=name]}: text, optional. */
        OPTIONAL_TEXT,
        /** no argument, or a boolean. */
        NONE;

        public boolean required() {
            return this == NUMBER || this == TEXT;
        }

        public boolean numeric() {
            return this == NUMBER || this == OPTIONAL_NUMBER;
        }
    }

    /** An option of the list, its name with dashes. */
    public record Option(String name, Argument argument) {
    }

    private static final ServerOptions MARIADB_10_11 = load("mariadb-10.11-options.txt");

    private final java.util.NavigableMap<String, Option> byName;

    private ServerOptions(java.util.NavigableMap<String, Option> byName) {
        this.byName = byName;
    }

    /** The option list of {@code engine}, when connlint has it. */
    public static Optional<ServerOptions> of(ServerEngine engine) {
        return engine.isMariaDb() && engine.major() == 10 && engine.minor() == 11
                ? Optional.of(MARIADB_10_11) : Optional.empty();
    }

    /** The options, by name with dashes. */
    public Map<String, Option> all() {
        return java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * The options {@code written} names: the exact one, else every option it is a prefix of
     * (empty: unknown).
     */
    public List<Option> find(String written) {
        String key = key(written);
        Option exact = byName.get(key);
        if (exact != null) {
            return List.of(exact);
        }
        List<Option> matches = new ArrayList<>();
        for (Map.Entry<String, Option> e : byName.tailMap(key, true).entrySet()) {
            if (!e.getKey().startsWith(key)) {
                break;
            }
            matches.add(e.getValue());
        }
        return matches;
    }

    static String key(String name) {
        return name.replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** Parses the list: one {@code name}, {@code name=#}, {@code name[=#]}, {@code name=name} … per line. */
    static ServerOptions parse(List<String> lines) {
        TreeMap<String, Option> options = new TreeMap<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            Argument argument;
            String name;
            if (s.endsWith("[=#]")) {
                argument = Argument.OPTIONAL_NUMBER;
            } else if (s.endsWith("=#")) {
                argument = Argument.NUMBER;
            } else if (s.endsWith("[=name]")) {
                argument = Argument.OPTIONAL_TEXT;
            } else if (s.endsWith("=name")) {
                argument = Argument.TEXT;
            } else {
                argument = Argument.NONE;
            }
            int cut = s.indexOf('[') >= 0 ? s.indexOf('[') : s.indexOf('=') >= 0 ? s.indexOf('=') : s.length();
            name = key(s.substring(0, cut));
            options.put(name, new Option(name, argument));
        }
        return new ServerOptions(options);
    }

    private static ServerOptions load(String resource) {
        try (InputStream in = ServerOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
