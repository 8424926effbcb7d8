package io.connlint.cli;

import io.connlint.core.report.ReportFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where a command writes: standard output, or a file given with {@code --output}, which is
 * written whole or not at all (a temporary file moved into place).
 */
final class Output {

    private Output() {
    }

    interface Body {
        void write(Appendable out) throws IOException;
    }

    static void write(Path file, PrintWriter stdout, Body body) throws IOException {
        if (file == null) {
            body.write(stdout);
            stdout.flush();
            return;
        }
        ReportFiles.write(file, body::write);
    }
}
