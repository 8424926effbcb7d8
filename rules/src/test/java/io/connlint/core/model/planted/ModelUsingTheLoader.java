package io.connlint.core.model.planted;

/** Planted for ArchitectureTest: a model class that knows the engine. */
public final class ModelUsingTheLoader {
    public Object engine() {
        return io.connlint.core.engine.LintRequest.of(java.nio.file.Path.of("."));
    }
}
