package io.connlint.core.model.budget;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;

import java.util.List;

/**
 * The connection budget of one server in one {@link Scenario}: Σ running instances × processes ×
 * pool max + reserved, against the effective max_connections. The budget rules and the HTML
 * report share it so that both show the same numbers.
 *
 * @param server   the server
 * @param pools    the pools that connect to it
 * @param scenario the situation
 */
public record ConnectionBudget(DatabaseServer server, List<ClientPool> pools, Scenario scenario) {

    public ConnectionBudget {
        pools = List.copyOf(pools);
    }

    /** The connections {@code pool} can open in this situation. */
    public long demand(ClientPool pool) {
        return pool.demand(scenario.running(pool).effective());
    }

    /** Connections outside the pools. */
    public long reserved() {
        return server.reserved().effective();
    }

    /** Every pool's demand plus reserved. */
    public long total() {
        return pools.stream().mapToLong(this::demand).sum() + reserved();
    }

    /** The effective max_connections. */
    public long limit() {
        return server.maxConnections().effective();
    }

    /** True when pools connect and together with reserved can open more than the limit. */
    public boolean exceeded() {
        return !pools.isEmpty() && total() > limit();
    }

    /** Connections left below the limit (negative when exceeded). */
    public long headroom() {
        return limit() - total();
    }
}
