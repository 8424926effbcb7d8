package io.connlint.cli;

import io.connlint.core.engine.LintRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** What to check: the project directory and its connlint.yml; shared by check and show. */
final class ProjectOptions {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "The project root (default: the current directory).")
    Path dir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "connlint.yml to use (default: DIR/connlint.yml, else discovery).")
    Path config;

    LintRequest request() {
        LintRequest request = LintRequest.of(dir);
        return config == null ? request : request.withConfigFile(config);
    }
}
