package io.connlint.rules.budget;

import io.connlint.core.engine.LintRule;
import io.connlint.core.engine.Rule;
import io.connlint.core.engine.RuleContext;
import io.connlint.core.engine.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;
import io.connlint.rules.Numbers;

import java.util.Comparator;
import java.util.List;

/**
 * Σ instances × processes × pool max + reserved must fit in the server's effective
 * max_connections, or the pools together can open more connections than the server accepts:
 * {@code ERROR 1040 (HY000): Too many connections}.
 */
@LintRule(code = "CL101", name = "pool-budget-exceeded",
        summary = "The pools that connect to a server can open more connections than its max_connections",
        severity = Severity.ERROR)
public final class PoolBudgetExceeded implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            List<ClientPool> pools = model.poolsOf(server);
            if (pools.isEmpty()) {
                continue;
            }
            Setting<Long> maxConnections = server.maxConnections();
            long limit = maxConnections.effective();
            long reserved = server.reserved().effective();
            long demand = pools.stream().mapToLong(ClientPool::demand).sum();
            long total = demand + reserved;
            if (total <= limit) {
                continue;
            }
            ClientPool largest = pools.stream().max(Comparator.comparingLong(ClientPool::demand)
                    .thenComparing(ClientPool::id, Comparator.reverseOrder())).orElseThrow();
            report(context, server, pools, largest, total, limit, reserved);
        }
    }

    private static void report(RuleContext context, DatabaseServer server, List<ClientPool> pools,
                               ClientPool largest, long total, long limit, long reserved) {
        Setting<Long> maxConnections = server.maxConnections();
        String message = "the pools of " + apps(pools) + " can open " + total + " connections to server "
                + server.id() + ", which accepts max_connections = " + limit
                + " (" + (total - limit) + " too many)";
        RuleContext.Report report = context.report(message)
                .at(largest.maximumPoolSize(), largest.location());
        for (ClientPool pool : pools) {
            report.arithmetic(term(pool));
            if (pool != largest) {
                report.related(pool.maximumPoolSize(), pool.id() + ": " + pool.maximumPoolSize().name() + " = "
                        + pool.maximumPoolSize().effective() + " (" + pool.demand() + " connections)");
            }
        }
        report.arithmetic("reserved = " + reserved + " (" + server.reserved().origin().describe() + ")");
        report.arithmetic("total " + total + " > max_connections " + limit + " ("
                + maxConnections.origin().describe() + maxConnections.reason().map(r -> "; " + r).orElse("") + ")");
        report.related(maxConnections, "max_connections = " + limit + " on server " + server.id());

        long others = total - reserved - largest.demand();
        long perPool = largest.instances().effective() * largest.processes().effective();
        long fits = perPool == 0 ? 0 : (limit - reserved - others) / perPool;
        StringBuilder help = new StringBuilder();
        if (fits >= 1) {
            help.append("set ").append(largest.maximumPoolSize().name()).append(" of ").append(largest.id()).append(" to at most ").append(fits)
                    .append(" (floor((").append(limit).append(" - ").append(reserved).append(" - ").append(others)
                    .append(") / ").append(perPool).append(")), or ");
        } else {
            help.append("the other pools leave no room for ").append(largest.id())
                    .append(" even at ").append(largest.maximumPoolSize().name()).append(" = 1; lower them, or ");
        }
        help.append("raise max_connections on server ").append(server.id()).append(" to at least ").append(total);
        report.help(help.toString()).emit();
    }

    /** {@code orders: 6 instances × 1 process × maximumPoolSize 40 = 240}. */
    static String term(ClientPool pool) {
        return pool.id() + ": " + Numbers.count(pool.instances().effective(), "instance", "instances") + " × "
                + Numbers.count(pool.processes().effective(), "process", "processes") + " × "
                + pool.maximumPoolSize().name() + " " + pool.maximumPoolSize().effective() + " = " + pool.demand()
                + (pool.maximumPoolSize().isWritten() ? "" : " (" + pool.maximumPoolSize().origin().describe() + ")");
    }

    private static String apps(List<ClientPool> pools) {
        List<String> names = pools.stream().map(ClientPool::app).distinct().toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

}
