package io.connlint.core.model.budget;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Setting;

import java.util.function.Function;

/** A situation the budget must hold in: how many instances of each pool run in it. */
public enum Scenario {
    STEADY("", "steady state", p -> p.instances()),
    ROLLOUT(" during a rolling deploy", "during a rolling deploy", p -> p.rolloutInstances().orElse(p.instances())),
    AUTOSCALED(" at the autoscaling maximum", "at the autoscaling maximum", p -> p.maxInstances().orElse(p.instances()));

    private final String when;
    private final String title;
    private final Function<ClientPool, Setting<Long>> running;

    Scenario(String when, String title, Function<ClientPool, Setting<Long>> running) {
        this.when = when;
        this.title = title;
        this.running = running;
    }

    /** The suffix messages append: {@code " during a rolling deploy"}, empty for the steady state. */
    public String when() {
        return when;
    }

    /** A heading for the situation: {@code steady state}. */
    public String title() {
        return title;
    }

    /** The instances of {@code pool} that run in this situation. */
    public Setting<Long> running(ClientPool pool) {
        return running.apply(pool);
    }

    /** True when some pool runs more instances in this situation than in the steady state. */
    public boolean differsFromSteady(Iterable<ClientPool> pools) {
        for (ClientPool pool : pools) {
            if (running(pool).effective() != pool.instances().effective()) {
                return true;
            }
        }
        return false;
    }
}
