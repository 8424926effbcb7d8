package io.connlint.core.read.python;

/**
 * The work one read may do. Evaluating both branches of every unknown {@code if} copies the
 * namespace, so a crafted file could otherwise take time quadratic in its size; past the budget
 * the read stops with a problem.
 */
final class Budget {

    /** Far above what real settings need (a few thousand steps), far below a noticeable delay. */
    static final long DEFAULT_STEPS = 20_000_000L;

    /** Thrown when the budget is spent; unwinds to the top-level statement loop. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("evaluation budget exceeded", null, false, false);
        }
    }

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

    long limit() {
        return limit;
    }
}
