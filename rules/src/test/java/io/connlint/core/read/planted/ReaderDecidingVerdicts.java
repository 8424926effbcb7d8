package io.connlint.core.read.planted;

/** Planted for ArchitectureTest: a reader that knows findings. */
public final class ReaderDecidingVerdicts {
    public Object verdict() {
        return io.connlint.core.finding.Severity.ERROR;
    }
}
