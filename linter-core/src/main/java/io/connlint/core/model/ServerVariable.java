package io.connlint.core.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A server variable connlint reasons about, with its default and range per engine.
 * Facts: research/mysql-facts.md §0, §3 (MySQL 8.0.41 sql/sys_vars.cc, MariaDB sql_const.h and
 * sysvars results).
 *
 * @param name      the variable name, with underscores
 * @param kind      how values are written
 * @param mysql57   default on MySQL 5.7
 * @param mysql80   default on MySQL 8.0 and 8.4
 * @param mariadb   default on MariaDB 10.x and 11.x
 * @param min       smallest value the server accepts (MySQL)
 * @param minMariaDb smallest value on MariaDB
 * @param max       largest value
 */
public record ServerVariable(String name, VariableKind kind, long mysql57, long mysql80, long mariadb,
                             long min, long minMariaDb, long max) {

    private static final Map<String, ServerVariable> CATALOGUE = new LinkedHashMap<>();

    public static final ServerVariable MAX_CONNECTIONS =
            add("max_connections", VariableKind.COUNT, 151, 151, 151, 1, 10, 100_000);
    public static final ServerVariable MAX_USER_CONNECTIONS =
            add("max_user_connections", VariableKind.COUNT, 0, 0, 0, 0, 0, 4_294_967_295L);
    public static final ServerVariable WAIT_TIMEOUT =
            add("wait_timeout", VariableKind.SECONDS, 28_800, 28_800, 28_800, 1, 1, 31_536_000);
    public static final ServerVariable INTERACTIVE_TIMEOUT =
            add("interactive_timeout", VariableKind.SECONDS, 28_800, 28_800, 28_800, 1, 1, 31_536_000);
    public static final ServerVariable CONNECT_TIMEOUT =
            add("connect_timeout", VariableKind.SECONDS, 10, 10, 10, 2, 2, 31_536_000);
    public static final ServerVariable TABLE_OPEN_CACHE =
            add("table_open_cache", VariableKind.COUNT, 2000, 4000, 2000, 1, 10, 524_288);

    private static ServerVariable add(String name, VariableKind kind, long mysql57, long mysql80, long mariadb,
                                      long min, long minMariaDb, long max) {
        ServerVariable variable = new ServerVariable(name, kind, mysql57, mysql80, mariadb, min, minMariaDb, max);
        CATALOGUE.put(name, variable);
        return variable;
    }

    public static Optional<ServerVariable> byName(String name) {
        return Optional.ofNullable(CATALOGUE.get(name));
    }

    public static Collection<ServerVariable> all() {
        return CATALOGUE.values();
    }

    public long defaultFor(ServerEngine engine) {
        if (engine.isMariaDb()) {
            return mariadb;
        }
        return engine.major() < 8 ? mysql57 : mysql80;
    }

    public long minFor(ServerEngine engine) {
        return engine.isMariaDb() ? minMariaDb : min;
    }

    /** The engine's default as a setting. */
    public Setting<Long> defaultSetting(ServerEngine engine) {
        return Setting.engineDefault(name, defaultFor(engine), engine.id());
    }
}
