package io.connlint.core.planted.b;

/** Planted for ArchitectureTest: the other half of a package cycle, and a core class that knows a front end. */
public final class Second {
    public io.connlint.core.planted.a.First other() {
        return new io.connlint.core.planted.a.First();
    }

    public io.connlint.cli.planted.FrontEnd frontEnd() {
        return new io.connlint.cli.planted.FrontEnd();
    }
}
