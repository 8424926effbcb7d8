package io.connlint.rules.budget;

import io.connlint.core.model.budget.ConnectionBudget;
import io.connlint.core.model.budget.Scenario;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;

import java.util.Comparator;
import java.util.List;

/**
 * The connection budget of one server in one situation — steady state, during a rolling deploy,
 * at the autoscaling ceiling: Σ running instances × processes × pool max + reserved against the
 * effective max_connections ({@link ConnectionBudget}, which the HTML report draws). Shared by
 * CL101, CL102 and CL103 so that all three show the same arithmetic.
 */
final class Budget {

    private final DatabaseServer server;
    private final List<ClientPool> pools;
    private final Scenario scenario;
    private final ConnectionBudget budget;

    Budget(DatabaseServer server, List<ClientPool> pools, Scenario scenario) {
        this.server = server;
        this.pools = pools;
        this.scenario = scenario;
        this.budget = new ConnectionBudget(server, pools, scenario);
    }

    long demand(ClientPool pool) {
        return budget.demand(pool);
    }

    long total() {
        return budget.total();
    }

    long limit() {
        return budget.limit();
    }

    boolean exceeded() {
        return budget.exceeded();
    }

    /** Reports the overflow at the pool-size setting of the largest contributor. */
    void report(RuleContext context) {
        Setting<Long> maxConnections = server.maxConnections();
        long limit = limit();
        long total = total();
        long reserved = server.reserved().effective();
        ClientPool largest = pools.stream().max(Comparator.comparingLong(this::demand)
                .thenComparing(ClientPool::id, Comparator.reverseOrder())).orElseThrow();
        RuleContext.Report report = context.report("the pools of " + apps() + " can open " + total
                        + " connections to server " + server.id() + scenario.when() + ", which accepts max_connections = "
                        + limit + " (" + (total - limit) + " too many)")
                .at(largest.maximumPoolSize(), largest.location())
                .about("server " + server.id() + "/" + largest.id());
        for (ClientPool pool : pools) {
            report.arithmetic(term(pool));
            if (pool != largest) {
                report.related(pool.maximumPoolSize(), pool.id() + ": " + pool.maximumPoolSize().name() + " = "
                        + pool.maximumPoolSize().effective() + " (" + demand(pool) + " connections)");
            }
            Setting<Long> running = scenario.running(pool);
            if (scenario != Scenario.STEADY && running != pool.instances()) {
                report.related(running, pool.id() + ": " + running.effective() + " instances"
                        + scenario.when());
            }
        }
        report.arithmetic("reserved = " + reserved + " (" + server.reserved().origin().describe() + ")");
        report.arithmetic("total " + total + " > max_connections " + limit + " ("
                + maxConnections.origin().describe() + maxConnections.reason().map(r -> "; " + r).orElse("") + ")");
        report.related(maxConnections, "max_connections = " + limit + " on server " + server.id());

        long others = total - reserved - demand(largest);
        long perPool = scenario.running(largest).effective() * largest.processes().effective();
        long fits = perPool == 0 ? 0 : (limit - reserved - others) / perPool;
        StringBuilder help = new StringBuilder();
        if (fits >= 1) {
            help.append("set ").append(largest.maximumPoolSize().name()).append(" of ").append(largest.id())
                    .append(" to at most ").append(fits).append(" (floor((").append(limit).append(" - ")
                    .append(reserved).append(" - ").append(others).append(") / ").append(perPool).append(")), or ");
        } else {
            help.append("the other pools leave no room for ").append(largest.id())
                    .append(" even at ").append(largest.maximumPoolSize().name()).append(" = 1; lower them, or ");
        }
        help.append("raise max_connections on server ").append(server.id()).append(" to at least ").append(total);
        // the largest pool max per app that fits when only that app changes
        List<String> alone = new java.util.ArrayList<>();
        for (ClientPool pool : pools) {
            long per = scenario.running(pool).effective() * pool.processes().effective();
            long rest = total - reserved - demand(pool);
            long fit = per == 0 ? 0 : (limit - reserved - rest) / per;
            if (pool != largest && fit >= 1 && fit < pool.maximumPoolSize().effective()) {
                alone.add(pool.id() + " " + pool.maximumPoolSize().name() + " at most " + fit);
            }
        }
        if (!alone.isEmpty()) {
            help.append("; or change one other app alone: ").append(String.join(", ", alone));
        }
        report.help(help.toString()).emit();
    }

    String term(ClientPool pool) {
        return term(pool, scenario);
    }

    /** {@code orders: 6 instances × 1 process × maximumPoolSize 40 = 240}. */
    static String term(ClientPool pool, Scenario scenario) {
        Setting<Long> running = scenario.running(pool);
        String origin = running != pool.instances() && !running.isWritten() ? " (" + running.origin().describe() + ")"
                : "";
        return pool.id() + ": " + Numbers.count(running.effective(), "instance", "instances") + origin + " × "
                + Numbers.count(pool.processes().effective(), "process", "processes") + " × "
                + pool.maximumPoolSize().name() + " " + pool.maximumPoolSize().effective() + " = "
                + pool.demand(running.effective())
                + (pool.maximumPoolSize().isWritten() ? "" : " (" + pool.maximumPoolSize().origin().describe() + ")");
    }

    private String apps() {
        List<String> names = pools.stream().map(ClientPool::app).distinct().toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
