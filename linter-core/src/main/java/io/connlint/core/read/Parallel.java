package io.connlint.core.read;


import java.util.List;
import java.util.function.Function;

/**
 * Reading and parsing files is independent per server, per app and per file, so it runs on the
 * machine's cores. Results keep the order of the input, so the model and the findings are the
 * same as a sequential read's. The common fork-join pool bounds the threads (one less than the
 * cores, plus the caller).
 */
public final class Parallel {

    /** Below this many items a sequential loop is cheaper than handing work to other threads. */
    private static final int MIN_ITEMS = 4;

    private Parallel() {
    }

    /** Asked once: on Linux each call reads the container's CPU limits again. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /**
     * {@code f} applied to every item, in the items' order. Every item is read within the caller's
     * {@link TextFile.Scope}: the project root, the size cap and the run's memo hold on every
     * thread. A RuntimeException of {@code f} is rethrown.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        if (items.size() < MIN_ITEMS || CORES < 2) {
            return items.stream().<R>map(f).toList();
        }
        TextFile.Scope scope = TextFile.scope();
        return items.parallelStream().<R>map(item -> TextFile.within(scope, () -> f.apply(item))).toList();
    }
}
