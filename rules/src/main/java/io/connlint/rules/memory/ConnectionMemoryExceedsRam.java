package io.connlint.rules.memory;

import io.connlint.core.model.budget.ConnectionMemory;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.connlint.core.model.budget.ConnectionMemory.mib;

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

    @Override
    public void check(Deployment model, RuleContext context) {
        long warnPercent = context.option("warnPercent");
        for (DatabaseServer server : model.servers()) {
            if (server.ramMb().isEmpty()) {
                continue;
            }
            Setting<Long> ram = server.ramMb().get();
            ConnectionMemory memory = ConnectionMemory.of(server);
            long ramBytes = memory.ramBytes().orElseThrow();
            List<Setting<Long>> written = new ArrayList<>();
            List<String> serverTerms = new ArrayList<>();
            for (ConnectionMemory.Term t : memory.serverTerms()) {
                serverTerms.add(t.name() + " " + mib(t.bytes()));
                t.settings().forEach(s -> keep(written, s));
            }
            List<String> threadTerms = new ArrayList<>();
            for (ConnectionMemory.Term t : memory.perThreadTerms()) {
                threadTerms.add(t.name() + " " + mib(t.bytes()));
                if (!t.name().equals(ConnectionMemory.TMP_TABLE_TERM)) {
                    t.settings().forEach(s -> keep(written, s));
                }
            }
            keep(written, server.variable(ServerVariable.TMP_TABLE_SIZE));
            keep(written, server.variable(ServerVariable.MAX_HEAP_TABLE_SIZE));
            memory.tempTableRam().ifPresent(r -> keep(written, r));
            boolean tempTable = memory.tempTableRam().isPresent();
            long serverBuffers = memory.serverBuffers();
            long perThread = memory.perThread();
            long tmpTable = memory.tmpTable();

            Setting<Long> maxConnections = memory.maxConnections();
            long mc = maxConnections.effective();
            long total = memory.total(mc);
            String tmpTerm = memory.tempTableRam()
                    .map(r -> " + min(temptable_max_ram " + mib(r.effective()) + ", max_connections " + mc
                            + " × min(tmp_table_size, max_heap_table_size) " + mib(tmpTable) + ") = "
                            + mib(memory.tempTables(mc)) + " for in-memory temporary tables")
                    .orElse("");
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
                    + mib(ConnectionMemory.times(mc, perThread)) + tmpTerm;
            RuleContext.Report report = context.report(message)
                    .arithmetic(mib(serverBuffers) + " + " + mc + " × " + mib(perThread)
                            + (tempTable ? " + " + mib(memory.tempTables(mc)) : "")
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
            long ramNeeded = (long) Math.ceil((double) total * 100 / warnPercent / ConnectionMemory.MIB);
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
    private static void keep(List<Setting<Long>> written, Setting<Long> s) {
        if (s.isWritten()) {
            written.add(s);
        }
    }
}
