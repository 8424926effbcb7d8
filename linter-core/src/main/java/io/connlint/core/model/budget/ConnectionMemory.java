package io.connlint.core.model.budget;

import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The worst-case memory of one server: its global buffers plus max_connections sessions each
 * using its per-thread buffers — MySQLTuner v2.9.1's "maximum possible memory usage"
 * (research/mysql-facts.md §5.2). On MySQL 8 the in-memory temporary tables of all sessions
 * together are capped by temptable_max_ram (the TempTable engine); elsewhere each session may hold
 * min(tmp_table_size, max_heap_table_size). MariaDB's Aria page cache is a server buffer. Shared by
 * CL201 and the HTML report. Sizes saturate at {@link Long#MAX_VALUE} instead of wrapping (a
 * variable may be as large as ULONG_MAX).
 *
 * @param serverTerms    the server buffers that exist on the engine
 * @param perThreadTerms the per-thread buffers; {@code min(tmp_table_size, max_heap_table_size)}
 *                       among them unless temptable_max_ram caps the temporary tables
 * @param serverBuffers  Σ server buffers, in bytes
 * @param perThread      Σ per-thread buffers, in bytes
 * @param tmpTable       min(tmp_table_size, max_heap_table_size), in bytes
 * @param tempTableRam   temptable_max_ram, where the engine has it
 * @param maxConnections the server's max_connections
 * @param ramMb          host memory, when declared
 */
public record ConnectionMemory(List<Term> serverTerms, List<Term> perThreadTerms, long serverBuffers, long perThread,
                               long tmpTable, Optional<Setting<Long>> tempTableRam, Setting<Long> maxConnections,
                               Optional<Setting<Long>> ramMb) {

    public static final long MIB = 1024 * 1024;

    /** mysqltuner.pl sub calculations, per_thread_buffers (v2.9.1), without the min(tmp, heap) term. */
    private static final List<ServerVariable> PER_THREAD = List.of(ServerVariable.READ_BUFFER_SIZE,
            ServerVariable.READ_RND_BUFFER_SIZE, ServerVariable.SORT_BUFFER_SIZE, ServerVariable.JOIN_BUFFER_SIZE,
            ServerVariable.BINLOG_CACHE_SIZE, ServerVariable.THREAD_STACK);

    /**
     * mysqltuner.pl sub calculations, server_buffers; query_cache_size and aria_pagecache_buffer_size
     * where the engine has them.
     */
    private static final List<ServerVariable> SERVER = List.of(ServerVariable.INNODB_BUFFER_POOL_SIZE,
            ServerVariable.INNODB_LOG_BUFFER_SIZE, ServerVariable.KEY_BUFFER_SIZE, ServerVariable.QUERY_CACHE_SIZE,
            ServerVariable.ARIA_PAGECACHE_BUFFER_SIZE);

    /**
     * One term of a sum.
     *
     * @param name     the variable, or {@code min(tmp_table_size, max_heap_table_size)}
     * @param bytes    its effective size
     * @param settings the settings it comes from
     */
    public record Term(String name, long bytes, List<Setting<Long>> settings) {
        public Term {
            settings = List.copyOf(settings);
        }
    }

    public ConnectionMemory {
        serverTerms = List.copyOf(serverTerms);
        perThreadTerms = List.copyOf(perThreadTerms);
    }

    public static ConnectionMemory of(DatabaseServer server) {
        List<Term> serverTerms = new ArrayList<>();
        long serverBuffers = 0;
        for (ServerVariable v : SERVER) {
            if (!v.existsOn(server.engine())) {
                continue;
            }
            Setting<Long> s = server.variable(v);
            serverBuffers = plus(serverBuffers, s.effective());
            serverTerms.add(new Term(v.name(), s.effective(), List.of(s)));
        }
        List<Term> threadTerms = new ArrayList<>();
        long perThread = 0;
        for (ServerVariable v : PER_THREAD) {
            Setting<Long> s = server.variable(v);
            perThread = plus(perThread, s.effective());
            threadTerms.add(new Term(v.name(), s.effective(), List.of(s)));
        }
        Setting<Long> tmp = server.variable(ServerVariable.TMP_TABLE_SIZE);
        Setting<Long> heap = server.variable(ServerVariable.MAX_HEAP_TABLE_SIZE);
        long tmpTable = Math.min(tmp.effective(), heap.effective());
        // MySQL 8: TempTable holds every session's temporary tables within temptable_max_ram
        Optional<Setting<Long>> tempTableRam = ServerVariable.TEMPTABLE_MAX_RAM.existsOn(server.engine())
                ? Optional.of(server.variable(ServerVariable.TEMPTABLE_MAX_RAM)) : Optional.empty();
        if (tempTableRam.isEmpty()) {
            perThread = plus(perThread, tmpTable);
            threadTerms.add(new Term(TMP_TABLE_TERM, tmpTable, List.of(tmp, heap)));
        }
        return new ConnectionMemory(serverTerms, threadTerms, serverBuffers, perThread, tmpTable, tempTableRam,
                server.maxConnections(), server.ramMb());
    }

    /** The name of the per-session temporary-table term. */
    public static final String TMP_TABLE_TERM = "min(tmp_table_size, max_heap_table_size)";

    /** In-memory temporary tables of {@code n} sessions: n × tmpTable, capped by temptable_max_ram where it exists. */
    public long tempTables(long n) {
        long tables = times(n, tmpTable);
        return tempTableRam.map(r -> Math.min(r.effective(), tables)).orElse(0L);
    }

    /** What {@code n} sessions need beyond the server buffers. */
    public long threads(long n) {
        return plus(times(n, perThread), tempTables(n));
    }

    /** The worst case with {@code n} sessions. */
    public long total(long n) {
        return plus(serverBuffers, threads(n));
    }

    /** The worst case with max_connections sessions. */
    public long total() {
        return total(maxConnections.effective());
    }

    /** The largest n ≤ upTo whose total fits in {@code budget}; 0 when none does. */
    public long largestFitting(long budget, long upTo) {
        if (total(0) > budget) {
            return 0;
        }
        long lo = 0;
        long hi = upTo;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (total(mid) <= budget) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Host memory in bytes, when declared. */
    public Optional<Long> ramBytes() {
        return ramMb.map(r -> times(r.effective(), MIB));
    }

    /** True when the worst case needs more than the host has. */
    public boolean aboveRam() {
        return ramBytes().map(r -> total() > r).orElse(false);
    }

    /** Bytes as MiB, one decimal when not whole ({@code 17.9 MiB}); below 1 MiB in whole KiB ({@code 32 KiB}). */
    public static String mib(long bytes) {
        if (bytes < MIB && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    /** a + b, saturating at {@link Long#MAX_VALUE}. */
    public static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** a × b, saturating at {@link Long#MAX_VALUE}. */
    public static long times(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
