package io.connlint.core.planted.a;

/** Planted for ArchitectureTest: one half of a package cycle. */
public final class First {
    public io.connlint.core.planted.b.Second other() {
        return new io.connlint.core.planted.b.Second();
    }
}
