package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;

/**
 * A thread cache set below what the server would pick by itself: reconnecting clients pay for a
 * new thread each time.
 */
@LintRule(code = "CL502", name = "thread-cache-too-small",
        summary = "thread_cache_size is set below the engine's own size, or to 0",
        severity = Severity.WARNING)
public final class ThreadCacheTooSmall implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            Setting<Long> threadCache = server.variable(ServerVariable.THREAD_CACHE_SIZE);
            if (!threadCache.isWritten()) {
                continue;
            }
            long autosize;
            String formula;
            if (server.engine().isMariaDb()) {
                // MariaDB sql/mysqld.cc get_options: default 256, lowered to max_connections as configured
                long mc = ServerVariable.MAX_CONNECTIONS.spec(server.engine())
                        .map(s -> s.limit(server.maxConnections().value())).orElse(server.maxConnections().value());
                autosize = Math.min(256, mc);
                formula = "min(256, max_connections " + mc + ")";
            } else {
                // MySQL sql/mysqld.cc init_common_variables, with max_connections after the open-files cut
                long mc = server.maxConnections().effective();
                autosize = Math.min(100, 8 + mc / 100);
                formula = "min(100, 8 + max_connections " + mc + " / 100)";
            }
            long size = threadCache.effective();
            if (size != 0 && size >= autosize) {
                continue;
            }
            String what = size == 0
                    ? "the server caches no threads: every new connection creates one"
                    : "reconnecting clients beyond " + size + " cached threads each create a new one";
            context.report("thread_cache_size = " + size + " on server " + server.id() + " is below the "
                            + server.engine().id() + " default " + formula + " = " + autosize + ": " + what)
                    .at(threadCache, server.location())
                    .related(server.maxConnections(), "max_connections = " + server.maxConnections().effective())
                    .help("remove thread_cache_size (the server then uses " + autosize + ") or set it to at least "
                            + autosize)
                    .emit();
        }
    }
}
