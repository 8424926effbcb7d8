package io.connlint.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server engine and its version, e.g. {@code mysql-8.0} or {@code mariadb-10.11}.
 */
public record ServerEngine(ServerFlavor flavor, int major, int minor) {

    private static final Pattern ID = Pattern.compile("(mysql|mariadb)-(\\d{1,2})\\.(\\d{1,2})");

    /** The engines connlint knows the option-file groups and defaults of. */
    public static final List<String> KNOWN = List.of(
            "mysql-5.7", "mysql-8.0", "mysql-8.4",
            "mariadb-10.6", "mariadb-10.11", "mariadb-11.4");

    /** The engine assumed when none is declared. */
    public static final ServerEngine DEFAULT = new ServerEngine(ServerFlavor.MYSQL, 8, 0);

    /** Parses {@code mysql-8.0}, {@code mariadb-10.11}; case-insensitive. */
    public static Optional<ServerEngine> parse(String text) {
        Matcher m = ID.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        ServerFlavor flavor = m.group(1).equals("mysql") ? ServerFlavor.MYSQL : ServerFlavor.MARIADB;
        return Optional.of(new ServerEngine(flavor, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    public String id() {
        return flavor.id() + "-" + major + "." + minor;
    }

    public boolean isMariaDb() {
        return flavor == ServerFlavor.MARIADB;
    }

    /**
     * The option-file groups the server reads, lower case (group names match case-insensitively).
     * MySQL: sql/mysqld.cc load_default_groups; MariaDB: sql/mysqld.cc load_default_groups and the
     * groups a running 10.11 read (research/mysql-facts.md §1.3, §4.3).
     */
    public List<String> serverGroups() {
        String version = major + "." + minor;
        List<String> groups = new ArrayList<>(List.of("mysqld", "server", "mysqld-" + version));
        if (isMariaDb()) {
            groups.addAll(List.of("mariadb", "mariadb-" + version));
            if (major > 10 || minor >= 4) {
                // mariadbd 10.11.19 --help: "The following groups are read: mysqld server mysqld-10.11
                // mariadb mariadb-10.11 mariadbd mariadbd-10.11 client-server galera"
                groups.addAll(List.of("mariadbd", "mariadbd-" + version));
            }
            groups.addAll(List.of("client-server", "galera"));
            if (major >= 11) {
                groups.addAll(List.of("mariadb-" + major, "mariadbd-" + major));
            }
        }
        return List.copyOf(groups);
    }

    @Override
    public String toString() {
        return id();
    }
}
