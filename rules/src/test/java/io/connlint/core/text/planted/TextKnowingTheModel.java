package io.connlint.core.text.planted;

/** Planted for ArchitectureTest: a text helper that knows the model. */
public final class TextKnowingTheModel {
    public Object origin() {
        return io.connlint.core.model.SourceLocation.startOf("x");
    }
}
