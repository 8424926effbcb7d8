package io.connlint.core.read.python;

/**
 * The work one read may do. Evaluating both branches of every unknown {@code if} copies the
 * namespace, so a crafted file could otherwise take time quadratic in its size; past the budget
 * the read stops with a problem.
 */
final class Budget {

    /** Far above what real settings need (ralph's 540-line base.py takes about 2,000 steps), and well under a second. */
    static final long DEFAULT_STEPS = 2_000_000L;

    /** Thrown when the budget is spent; unwinds to the top-level statement loop. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("evaluation budget exceeded", null, false, false);
        }
    }

    /** The budget of the read running on this thread, for helpers that do work in proportion to a value's size. */
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private final long limit;
    private long spent;

    Budget(long limit) {
        this.limit = limit;
    }

    void spend(long steps) {
        spent += steps;
        if (spent > limit) {
            throw new Exceeded();
        }
    }

    /** Spends from the budget of the read running on this thread, if any. */
    static void charge(long steps) {
        Budget b = CURRENT.get();
        if (b != null) {
            b.spend(steps);
        }
    }

    /** Makes this the budget of the read running on this thread; returns the previous one. */
    Budget activate() {
        Budget previous = CURRENT.get();
        CURRENT.set(this);
        return previous;
    }

    static void restore(Budget previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    long limit() {
        return limit;
    }

    long spent() {
        return spent;
    }
}
