package io.connlint.rules.timeouts;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;

import java.util.Optional;

/**
 * The check CL303 (pools) and CL304 (Django's per-thread connections) share: a connection kept
 * at least as long as the server lets it idle is closed by the server first.
 */
final class Lifetimes {

    private Lifetimes() {
    }

    /** The pool's lifetime, when it keeps connections up to {@code limitMs} or longer (or without limit). */
    static Optional<PoolValue.Time> outliving(ClientPool pool, long limitMs) {
        return pool.time(PoolConcept.MAX_LIFETIME).filter(t -> t.unlimited() || t.millis() >= limitMs);
    }
}
