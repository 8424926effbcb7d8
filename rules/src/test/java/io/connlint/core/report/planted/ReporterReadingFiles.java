package io.connlint.core.report.planted;

/** Planted for ArchitectureTest: a reporter that reads files itself. */
public final class ReporterReadingFiles {
    public Object read() {
        return io.connlint.core.read.TextFile.scope();
    }
}
