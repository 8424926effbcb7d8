package io.connlint.core.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A server variable connlint reasons about, with its default, range and block size per engine.
 *
 * <p>Sources: MariaDB 10.11 values were read from the real server (MariaDB 10.11.19, Debian
 * package): {@code mariadbd --no-defaults --help --verbose} for the defaults, and option files
 * setting 0, 1, 1114111, 268500991 and 15E for the minimum, maximum and block size (a value is
 * limited to the maximum, rounded down to a multiple of the block size, then raised to the
 * minimum: my_getopt getopt_ull_limit_value). The differential test MariadbdDifferentialTest keeps
 * them honest. MySQL values come from research/mysql-facts.md §0, §3, §3.2 (MySQL 8.0.41
 * sql/sys_vars.cc and help results, 5.7.18 help results); where the research gives no range for
 * a MySQL buffer, the range is left open (0..{@link #UNBOUNDED}, block 1), i.e. connlint does not
 * clamp it.
 *
 * <p>{@link #UNBOUNDED} stands for ULONG_MAX (2<sup>64</sup>−1 on 64-bit Linux): connlint holds
 * values in a signed long, and every value above {@link Long#MAX_VALUE} is read as
 * {@link Long#MAX_VALUE}.
 *
 * @param name    the variable name, with underscores
 * @param kind    how values are written
 * @param mysql57 default and range on MySQL 5.7, or null when 5.7 has no such variable
 * @param mysql80 default and range on MySQL 8.0 and 8.4, or null when it has no such variable
 * @param mariadb default and range on MariaDB 10.x and 11.x (measured on 10.11), or null
 */
public record ServerVariable(String name, VariableKind kind, Spec mysql57, Spec mysql80, Spec mariadb) {

    /** ULONG_MAX, as far as a Java long can hold it. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    /**
     * One engine's view of a variable.
     *
     * @param def       the compiled-in default (for an autosized variable: the value that means
     *                  "autosize", usually 0)
     * @param min       smallest value
     * @param max       largest value
     * @param block     values are rounded down to a multiple of this (1: no rounding)
     * @param autosized the server computes the value at start-up when it is not set (or set to
     *                  {@code def}); connlint derives it in ServerVariablesBuilder
     */
    public record Spec(long def, long min, long max, long block, boolean autosized) {

        static Spec of(long def, long min, long max) {
            return new Spec(def, min, max, 1, false);
        }

        static Spec of(long def, long min, long max, long block) {
            return new Spec(def, min, max, block, false);
        }

        static Spec auto(long def, long min, long max) {
            return new Spec(def, min, max, 1, true);
        }

        /** The value the server runs with for {@code value}: max, then block, then min. */
        public long limit(long value) {
            long v = Math.min(value, max);
            if (block > 1) {
                v = v / block * block;
            }
            return Math.max(v, min);
        }
    }

    private static final Map<String, ServerVariable> CATALOGUE = new LinkedHashMap<>();
    private static final long U32 = 4_294_967_295L;
    private static final long K = 1024;
    private static final long M = 1024 * 1024;

    public static final ServerVariable MAX_CONNECTIONS = add("max_connections", VariableKind.COUNT,
            Spec.of(151, 1, 100_000), Spec.of(151, 1, 100_000), Spec.of(151, 10, 100_000));
    /** MariaDB: a signed INT, -1..2147483647 (measured: -1 accepted, 15E read as a negative and raised to -1). */
    public static final ServerVariable MAX_USER_CONNECTIONS = add("max_user_connections", VariableKind.COUNT,
            Spec.of(0, 0, U32), Spec.of(0, 0, U32), Spec.of(0, -1, 2_147_483_647));
    public static final ServerVariable WAIT_TIMEOUT = add("wait_timeout", VariableKind.SECONDS,
            Spec.of(28_800, 1, 31_536_000), Spec.of(28_800, 1, 31_536_000), Spec.of(28_800, 1, 31_536_000));
    public static final ServerVariable INTERACTIVE_TIMEOUT = add("interactive_timeout", VariableKind.SECONDS,
            Spec.of(28_800, 1, 31_536_000), Spec.of(28_800, 1, 31_536_000), Spec.of(28_800, 1, 31_536_000));
    public static final ServerVariable CONNECT_TIMEOUT = add("connect_timeout", VariableKind.SECONDS,
            Spec.of(10, 2, 31_536_000), Spec.of(10, 2, 31_536_000), Spec.of(10, 2, 31_536_000));
    /**
     * MySQL: autosized min(100, 8 + max_connections/100) when not set. MariaDB: default 256, and
     * any value above max_connections (as configured, before the open-files cut: measured) is
     * lowered to it.
     */
    public static final ServerVariable THREAD_CACHE_SIZE = add("thread_cache_size", VariableKind.COUNT,
            Spec.auto(-1, 0, 16_384), Spec.auto(-1, 0, 16_384), Spec.of(256, 0, 16_384));
    /** 0 = autosize: MySQL 8 max_connections; MySQL 5.7 and MariaDB min(900, 50 + max_connections/5). */
    public static final ServerVariable BACK_LOG = add("back_log", VariableKind.COUNT,
            Spec.auto(0, 0, 65_535), Spec.auto(0, 0, 65_535), Spec.auto(0, 0, 65_535));
    public static final ServerVariable TABLE_OPEN_CACHE = add("table_open_cache", VariableKind.COUNT,
            Spec.of(2000, 1, 524_288), Spec.of(4000, 1, 524_288), Spec.of(2000, 10, 1_048_576));
    /** MariaDB lowers it to fit the open-files limit (measured). */
    public static final ServerVariable TABLE_OPEN_CACHE_INSTANCES = add("table_open_cache_instances",
            VariableKind.COUNT, Spec.of(16, 1, 64), Spec.of(16, 1, 64), Spec.of(8, 1, 64));
    /** 0 = what the server gets (the open-files algorithm of research/mysql-facts.md §4). */
    public static final ServerVariable OPEN_FILES_LIMIT = add("open_files_limit", VariableKind.COUNT,
            Spec.auto(0, 0, U32), Spec.auto(0, 0, U32), Spec.auto(0, 0, U32));
    /** MariaDB only: connections on extra_port; they count in the open-files request. */
    public static final ServerVariable EXTRA_MAX_CONNECTIONS = add("extra_max_connections", VariableKind.COUNT,
            null, null, Spec.of(1, 1, 100_000));

    public static final ServerVariable SORT_BUFFER_SIZE = add("sort_buffer_size", VariableKind.BYTES,
            Spec.of(262_144, 32 * K, UNBOUNDED), Spec.of(262_144, 32 * K, UNBOUNDED),
            Spec.of(2 * M, 1024, UNBOUNDED));
    public static final ServerVariable JOIN_BUFFER_SIZE = add("join_buffer_size", VariableKind.BYTES,
            Spec.of(262_144, 128, UNBOUNDED, 128), Spec.of(262_144, 128, UNBOUNDED, 128),
            Spec.of(262_144, 128, UNBOUNDED, 128));
    public static final ServerVariable READ_BUFFER_SIZE = add("read_buffer_size", VariableKind.BYTES,
            Spec.of(131_072, 8192, 2_147_479_552L, 4096), Spec.of(131_072, 8192, 2_147_479_552L, 4096),
            Spec.of(131_072, 8192, 2_147_479_552L, 4096));
    public static final ServerVariable READ_RND_BUFFER_SIZE = add("read_rnd_buffer_size", VariableKind.BYTES,
            Spec.of(262_144, 1, 2_147_483_647L), Spec.of(262_144, 1, 2_147_483_647L),
            Spec.of(262_144, 1, 2_147_483_647L));
    public static final ServerVariable BINLOG_CACHE_SIZE = add("binlog_cache_size", VariableKind.BYTES,
            Spec.of(32_768, 4096, UNBOUNDED, 4096), Spec.of(32_768, 4096, UNBOUNDED, 4096),
            Spec.of(32_768, 4096, UNBOUNDED, 4096));
    public static final ServerVariable THREAD_STACK = add("thread_stack", VariableKind.BYTES,
            Spec.of(262_144, 128 * K, UNBOUNDED, 1024), Spec.of(1_048_576, 128 * K, UNBOUNDED, 1024),
            Spec.of(299_008, 128 * K, UNBOUNDED, 1024));
    /** MariaDB block 16384 (measured). MySQL range not in the research: left open. */
    public static final ServerVariable TMP_TABLE_SIZE = add("tmp_table_size", VariableKind.BYTES,
            Spec.of(16 * M, 0, UNBOUNDED), Spec.of(16 * M, 0, UNBOUNDED), Spec.of(16 * M, 0, UNBOUNDED, 16_384));
    public static final ServerVariable MAX_HEAP_TABLE_SIZE = add("max_heap_table_size", VariableKind.BYTES,
            Spec.of(16 * M, 16_384, UNBOUNDED, 1024), Spec.of(16 * M, 16_384, UNBOUNDED, 1024),
            Spec.of(16 * M, 16_384, UNBOUNDED, 1024));
    /** MariaDB block 4096 (measured: 1 runs as 0). MySQL range not in the research: left open. */
    public static final ServerVariable KEY_BUFFER_SIZE = add("key_buffer_size", VariableKind.BYTES,
            Spec.of(8 * M, 0, UNBOUNDED), Spec.of(8 * M, 0, UNBOUNDED), Spec.of(128 * M, 0, UNBOUNDED, 4096));
    /** MariaDB 10.11: min 2M, rounded down to 1M (measured: 33333333 runs as 31M, 3000000000 as 2861M). */
    public static final ServerVariable INNODB_BUFFER_POOL_SIZE = add("innodb_buffer_pool_size", VariableKind.BYTES,
            Spec.of(128 * M, 5 * M, UNBOUNDED), Spec.of(128 * M, 5 * M, UNBOUNDED),
            Spec.of(128 * M, 2 * M, UNBOUNDED, M));
    /** MySQL 8.4: 64M (see {@link #spec}). */
    public static final ServerVariable INNODB_LOG_BUFFER_SIZE = add("innodb_log_buffer_size", VariableKind.BYTES,
            Spec.of(16 * M, 0, UNBOUNDED), Spec.of(16 * M, 0, UNBOUNDED),
            Spec.of(16 * M, 2 * M, 2_147_479_552L, 4096));
    /** Removed in MySQL 8.0. */
    public static final ServerVariable QUERY_CACHE_SIZE = add("query_cache_size", VariableKind.BYTES,
            Spec.of(M, 0, UNBOUNDED, 1024), null, Spec.of(M, 0, UNBOUNDED, 1024));
    /**
     * MySQL 8.0+: the TempTable engine's memory for all internal temporary tables together
     * (research/mysql-facts.md §3.2, [MY80] Sys_temptable_max_ram: 1G, min 2M; the 8.4 default is UNCONFIRMED).
     */
    public static final ServerVariable TEMPTABLE_MAX_RAM = add("temptable_max_ram", VariableKind.BYTES,
            null, Spec.of(1024 * M, 2 * M, UNBOUNDED), null);
    /** MariaDB: the Aria page cache, a server buffer (measured on mariadbd 10.11: 128M, min 131072, no block). */
    public static final ServerVariable ARIA_PAGECACHE_BUFFER_SIZE = add("aria_pagecache_buffer_size",
            VariableKind.BYTES, null, null, Spec.of(128 * M, 131_072, UNBOUNDED));
    public static final ServerVariable MAX_ALLOWED_PACKET = add("max_allowed_packet", VariableKind.BYTES,
            Spec.of(4 * M, 1024, 1024 * M, 1024), Spec.of(64 * M, 1024, 1024 * M, 1024),
            Spec.of(16 * M, 1024, 1024 * M, 1024));
    public static final ServerVariable NET_BUFFER_LENGTH = add("net_buffer_length", VariableKind.BYTES,
            Spec.of(16_384, 1024, M, 1024), Spec.of(16_384, 1024, M, 1024), Spec.of(16_384, 1024, M, 1024));

    private static ServerVariable add(String name, VariableKind kind, Spec mysql57, Spec mysql80, Spec mariadb) {
        ServerVariable variable = new ServerVariable(name, kind, mysql57, mysql80, mariadb);
        CATALOGUE.put(name, variable);
        return variable;
    }

    public static Optional<ServerVariable> byName(String name) {
        return Optional.ofNullable(CATALOGUE.get(name));
    }

    public static Collection<ServerVariable> all() {
        return CATALOGUE.values();
    }

    /** The engine's view of this variable; empty when the engine has no such variable. */
    public Optional<Spec> spec(ServerEngine engine) {
        if (engine.isMariaDb()) {
            return Optional.ofNullable(mariadb);
        }
        if (engine.major() < 8) {
            return Optional.ofNullable(mysql57);
        }
        if (this == INNODB_LOG_BUFFER_SIZE && (engine.major() > 8 || engine.minor() >= 4)) {
            // Manual 8.4 mysql-nutshell: innodb_log_buffer_size default 64M (research §3.2)
            return Optional.of(new Spec(64 * M, mysql80.min(), mysql80.max(), mysql80.block(), false));
        }
        return Optional.ofNullable(mysql80);
    }

    public boolean existsOn(ServerEngine engine) {
        return spec(engine).isPresent();
    }

    /** The compiled-in default (for an autosized variable, the "autosize" value); 0 when absent. */
    public long defaultFor(ServerEngine engine) {
        return spec(engine).map(Spec::def).orElse(0L);
    }

    public long minFor(ServerEngine engine) {
        return spec(engine).map(Spec::min).orElse(0L);
    }

    public long maxFor(ServerEngine engine) {
        return spec(engine).map(Spec::max).orElse(UNBOUNDED);
    }

    /** The engine's default as a setting. */
    public Setting<Long> defaultSetting(ServerEngine engine) {
        return Setting.engineDefault(name, defaultFor(engine), engine.id());
    }
}
