package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;

import java.util.Optional;

/**
 * Under a low open-files limit the server lowers max_connections at start-up and only says so in
 * its error log (research/mysql-facts.md §4): the configured value is not what runs.
 */
@LintRule(code = "CL501", name = "max-connections-cut-by-open-files",
        summary = "The open-files limit makes the server run with fewer connections than configured",
        severity = Severity.ERROR)
public final class MaxConnectionsCutByOpenFiles implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            Setting<Long> maxConnections = server.maxConnections();
            Optional<String> line = serverLine(maxConnections);
            if (line.isEmpty()) {
                continue;
            }
            ServerEngine engine = server.engine();
            long configured = configured(server, ServerVariable.MAX_CONNECTIONS);
            if (maxConnections.effective() >= configured) {
                continue;
            }
            String limit = server.openFilesLimit().map(l -> " under the open-files limit " + l.effective())
                    .orElse("");
            long request = request(server);
            String message = "server " + server.id() + " runs with max_connections " + maxConnections.effective()
                    + ", not the configured " + configured + limit + ": it logs \"" + line.get() + "\"";
            String help = "raise LimitNOFILE (or openFilesLimit in connlint.yml) to at least " + request
                    + ", the number of files the server requests";
            help += engine.isMariaDb()
                    ? ", or lower table_open_cache_instances or table_open_cache so that the files left for"
                    + " connections suffice"
                    : " (on MySQL the cut is the open-files limit − 810 whatever table_open_cache is)";
            help += ", or set max_connections = " + maxConnections.effective() + " so the configuration says what"
                    + " runs";
            RuleContext.Report report = context.report(message).help(help);
            if (maxConnections.isWritten()) {
                report.at(maxConnections, server.location());
            } else {
                report.at(server.openFilesLimit().flatMap(Setting::location).or(() -> server.location()));
            }
            server.openFilesLimit().ifPresent(l -> report.related(l, "open-files limit = " + l.effective()));
            report.related(server.variable(ServerVariable.OPEN_FILES_LIMIT), "open_files_limit");
            report.related(server.variable(ServerVariable.TABLE_OPEN_CACHE), "table_open_cache");
            report.related(server.variable(ServerVariable.TABLE_OPEN_CACHE_INSTANCES), "table_open_cache_instances");
            report.emit();
        }
    }

    /** The server's own "Changed limits" line, when the open-files cut applied. */
    private static Optional<String> serverLine(Setting<Long> maxConnections) {
        return maxConnections.adjustment(Setting.Kind.OPEN_FILES_CUT).map(Setting.Adjustment::why);
    }

    /** The value as configured after the range clamp, before the open-files cut. */
    private static long configured(DatabaseServer server, ServerVariable variable) {
        Setting<Long> s = server.variable(variable);
        if (!s.isWritten()) {
            // an autosized variable's derived value is the server's result, not its input
            return variable.defaultFor(server.engine());
        }
        return variable.spec(server.engine()).map(spec -> spec.limit(s.value())).orElse(s.value());
    }

    /**
     * The files the server asks for (MySQL adjust_open_files_limit; MariaDB init_common_variables,
     * without thread_pool_size, which is not known here): with that many the cut does not happen.
     */
    private static long request(DatabaseServer server) {
        long mc = configured(server, ServerVariable.MAX_CONNECTIONS);
        long toc = configured(server, ServerVariable.TABLE_OPEN_CACHE);
        long ofl = configured(server, ServerVariable.OPEN_FILES_LIMIT);
        if (server.engine().isMariaDb()) {
            long extra = configured(server, ServerVariable.EXTRA_MAX_CONNECTIONS);
            long instances = configured(server, ServerVariable.TABLE_OPEN_CACHE_INSTANCES);
            long wanted = 30 + mc + extra + toc * 2 * instances;
            return Math.max(Math.max(wanted, (mc + extra) * 5), ofl);
        }
        return Math.max(Math.max(10 + mc + toc * 2, mc * 5), ofl != 0 ? ofl : 5000);
    }
}
