package io.connlint.core.pool;

import io.connlint.core.model.PoolKind;

import java.util.List;
import java.util.Optional;

/**
 * The pool libraries connlint models, in one explicit list. A new library is one
 * {@link PoolLibrary}, its test, and one line here.
 */
public final class PoolLibraries {

    /**
     * Every library. The order counts where two could claim the same keys: a pool of an app's own
     * prefix with both {@code maxTotal} and {@code maxActive} is DBCP2's.
     */
    private static final List<PoolLibrary> ALL = List.of(
            HikariCp.INSTANCE,
            Dbcp2.INSTANCE,
            TomcatJdbc.INSTANCE,
            DjangoConnections.INSTANCE);

    private PoolLibraries() {
    }

    public static List<PoolLibrary> all() {
        return ALL;
    }

    /** The libraries Spring Boot binds, in the list's order. */
    public static List<PoolLibrary> spring() {
        return ALL.stream().filter(l -> l.spring().isPresent()).toList();
    }

    /** The library Spring Boot picks when {@code spring.datasource.type} is not set. */
    public static PoolLibrary springDefault() {
        return spring().stream().filter(l -> l.spring().orElseThrow().isDefault()).findFirst().orElseThrow();
    }

    /** The library that opens pools of {@code kind}. */
    public static Optional<PoolLibrary> of(PoolKind kind) {
        return ALL.stream().filter(l -> l.kinds().contains(kind)).findFirst();
    }
}
