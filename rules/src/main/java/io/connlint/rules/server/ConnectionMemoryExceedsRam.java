package io.connlint.rules.server;

import io.connlint.core.engine.LintRule;
import io.connlint.core.engine.Rule;
import io.connlint.core.engine.RuleContext;
import io.connlint.core.engine.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server's global buffers plus max_connections sessions each using its per-thread buffers
 * need more memory than the host has: MySQLTuner v2.9.1's "maximum possible memory usage"
 * (research/mysql-facts.md §5.2): on MySQL 8 the in-memory temporary tables of all sessions
 * together are capped by temptable_max_ram (the TempTable engine), elsewhere each session may hold
 * min(tmp_table_size, max_heap_table_size); MariaDB's Aria page cache is a server buffer.
 */
@LintRule(code = "CL201", name = "connection-memory-exceeds-ram",
        summary = "Server buffers plus max_connections × per-thread buffers exceed the host's memory",
        severity = Severity.ERROR,
        options = @LintRule.Option(name = "warnPercent", defaultValue = 85,
                description = "Warn when the worst case is above this percentage of ramMb (MySQLTuner: 85)"))
public final class ConnectionMemoryExceedsRam implements Rule {

    private static final long MIB = 1024 * 1024;

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

    @Override
    public void check(Deployment model, RuleContext context) {
        long warnPercent = context.option("warnPercent");
        for (DatabaseServer server : model.servers()) {
            if (server.ramMb().isEmpty()) {
                continue;
            }
            Setting<Long> ram = server.ramMb().get();
            long ramBytes = times(ram.effective(), MIB);
            List<Setting<Long>> written = new ArrayList<>();

            List<String> serverTerms = new ArrayList<>();
            long serverBuffers = 0;
            for (ServerVariable v : SERVER) {
                if (!v.existsOn(server.engine())) {
                    continue;
                }
                Setting<Long> s = server.variable(v);
                serverBuffers = plus(serverBuffers, s.effective());
                serverTerms.add(v.name() + " " + mib(s.effective()));
                keep(written, s);
            }

            List<String> threadTerms = new ArrayList<>();
            long perThread = 0;
            for (ServerVariable v : PER_THREAD) {
                Setting<Long> s = server.variable(v);
                perThread = plus(perThread, s.effective());
                threadTerms.add(v.name() + " " + mib(s.effective()));
                keep(written, s);
            }
            Setting<Long> tmp = server.variable(ServerVariable.TMP_TABLE_SIZE);
            Setting<Long> heap = server.variable(ServerVariable.MAX_HEAP_TABLE_SIZE);
            long tmpTable = Math.min(tmp.effective(), heap.effective());
            keep(written, tmp);
            keep(written, heap);
            // MySQL 8: TempTable holds every session's temporary tables within temptable_max_ram
            boolean tempTable = ServerVariable.TEMPTABLE_MAX_RAM.existsOn(server.engine());
            Setting<Long> tempTableRam = server.variable(ServerVariable.TEMPTABLE_MAX_RAM);
            if (tempTable) {
                keep(written, tempTableRam);
            }
            Memory memory = new Memory(serverBuffers, perThread, tmpTable, tempTable ? tempTableRam.effective() : -1);

            Setting<Long> maxConnections = server.maxConnections();
            long mc = maxConnections.effective();
            long threads = memory.threads(mc);
            long total = memory.total(mc);
            String tmpTerm = tempTable
                    ? " + min(temptable_max_ram " + mib(tempTableRam.effective()) + ", max_connections " + mc
                    + " × min(tmp_table_size, max_heap_table_size) " + mib(tmpTable) + ") = "
                    + mib(Math.min(tempTableRam.effective(), times(mc, tmpTable))) + " for in-memory temporary tables"
                    : "";
            if (!tempTable) {
                threadTerms.add("min(tmp_table_size, max_heap_table_size) " + mib(tmpTable));
                perThread = plus(perThread, tmpTable);
            }
            boolean aboveRam = total > ramBytes;
            // total > ram × warnPercent / 100, in doubles so that neither side overflows
            boolean aboveWarn = (double) total * 100 > (double) ramBytes * warnPercent;
            if (!aboveRam && !aboveWarn) {
                continue;
            }
            String percent = String.format(Locale.ROOT, "%.0f %%", 100.0 * total / ramBytes);
            String message = "server " + server.id() + " may need " + mib(total) + " (" + percent + " of ramMb "
                    + ram.effective() + " MiB)" + (aboveRam ? ", more than the host has" : ", above the "
                    + warnPercent + " % MySQLTuner calls bad") + ": server buffers " + String.join(" + ", serverTerms)
                    + " = " + mib(serverBuffers) + ", plus max_connections " + maxConnections.effective()
                    + " × per-thread buffers (" + String.join(" + ", threadTerms) + " = " + mib(perThread) + ") = "
                    + mib(times(mc, perThread)) + tmpTerm;
            RuleContext.Report report = context.report(message)
                    .arithmetic(mib(serverBuffers) + " + " + mc + " × " + mib(perThread)
                            + (tempTable ? " + " + mib(Math.min(tempTableRam.effective(), times(mc, tmpTable))) : "")
                            + " = " + mib(total) + " vs ramMb " + ram.effective() + " MiB");
            Setting<Long> bufferPool = server.variable(ServerVariable.INNODB_BUFFER_POOL_SIZE);
            if (maxConnections.isWritten()) {
                report.at(maxConnections, server.location());
            } else {
                report.at(bufferPool, server.location());
            }
            report.related(maxConnections, "max_connections = " + maxConnections.effective());
            for (Setting<Long> s : written) {
                report.related(s, s.name() + " = " + mib(s.effective()));
            }
            report.related(ram, "ramMb = " + ram.effective());
            long budget = (long) ((double) ramBytes * warnPercent / 100);
            long fits = memory.largestFitting(budget, mc);
            // the host memory in which this total stays within warnPercent %
            long ramNeeded = (long) Math.ceil((double) total * 100 / warnPercent / MIB);
            if (fits > 0) {
                report.help("lower max_connections to at most " + fits + " (the most whose worst case fits in "
                        + warnPercent + " % of ramMb " + ram.effective() + " MiB = " + mib(budget) + "), or lower the"
                        + " per-thread buffers or innodb_buffer_pool_size, or give the host at least " + ramNeeded
                        + " MiB (ramMb: " + ramNeeded + ")");
            } else {
                report.help("the server buffers alone (" + mib(serverBuffers) + ") leave no room for connections"
                        + " within " + warnPercent + " % of ramMb: lower innodb_buffer_pool_size, or give the host at"
                        + " least " + ramNeeded + " MiB (ramMb: " + ramNeeded + ")");
            }
            if (!aboveRam) {
                report.downgradedTo(Severity.WARNING);
            }
            report.emit();
        }
    }

    /**
     * The worst case for n connections (bytes, saturating).
     *
     * @param perThread    per-thread buffers without the temporary-table term
     * @param tempTableRam temptable_max_ram, or −1 where each session's MEMORY tables count in full
     */
    private record Memory(long serverBuffers, long perThread, long tmpTable, long tempTableRam) {
        long threads(long n) {
            long tables = tempTableRam < 0 ? times(n, tmpTable) : Math.min(tempTableRam, times(n, tmpTable));
            return plus(times(n, perThread), tables);
        }

        long total(long n) {
            return plus(serverBuffers, threads(n));
        }

        /** The largest n ≤ upTo whose total fits in {@code budget}; 0 when none does. */
        long largestFitting(long budget, long upTo) {
            long lo = 0;
            long hi = upTo;
            if (total(0) > budget) {
                return 0;
            }
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
    }

    private static void keep(List<Setting<Long>> written, Setting<Long> s) {
        if (s.isWritten()) {
            written.add(s);
        }
    }

    /** Bytes as MiB, one decimal when not whole ({@code 17.9 MiB}); below 1 MiB in whole KiB ({@code 32 KiB}). */
    static String mib(long bytes) {
        if (bytes < MIB && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    // sizes may be up to ULONG_MAX (held as Long.MAX_VALUE): saturate instead of wrapping
    private static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long times(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
