package io.connlint.rules.server;

import io.connlint.core.budget.ConnectionMemory;
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

import static io.connlint.core.budget.ConnectionMemory.mib;

/**
 * The server's global buffers plus max_connections sessions each using its per-thread buffers
 * need more memory than the host has: MySQLTuner v2.9.1's "maximum possible memory usage"
 * (research/mysql-facts.md §5.2).
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
                t.settings().forEach(s -> keep(written, s));
            }
            long serverBuffers = memory.serverBuffers();
            long perThread = memory.perThread();
            Setting<Long> maxConnections = memory.maxConnections();
            long threads = memory.threads();
            long total = memory.total();
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
                    + mib(threads);
            RuleContext.Report report = context.report(message)
                    .arithmetic(mib(serverBuffers) + " + " + maxConnections.effective() + " × " + mib(perThread)
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
            long budget = (long) ((double) ramBytes * warnPercent / 100) - serverBuffers;
            long fits = perThread == 0 || budget <= 0 ? 0 : budget / perThread;
            if (fits > 0) {
                report.help("lower max_connections to at most " + fits + " (" + warnPercent + " % of ramMb, less the"
                        + " server buffers, / " + mib(perThread) + " per thread), or lower the per-thread buffers or"
                        + " innodb_buffer_pool_size, or give the host more memory");
            } else {
                report.help("the server buffers alone (" + mib(serverBuffers) + ") leave no room for connections"
                        + " within " + warnPercent + " % of ramMb: lower innodb_buffer_pool_size or give the host"
                        + " more memory");
            }
            if (!aboveRam) {
                report.downgradedTo(Severity.WARNING);
            }
            report.emit();
        }
    }

    private static void keep(List<Setting<Long>> written, Setting<Long> s) {
        if (s.isWritten()) {
            written.add(s);
        }
    }
}
