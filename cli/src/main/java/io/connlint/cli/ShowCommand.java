package io.connlint.cli;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.report.ModelWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the model connlint reasons about: every server's effective variables and every pool's "
                + "effective settings, with value, origin and location.")
final class ShowCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR", description = "The project root.")
    Path dir;

    @Option(names = "--config", paramLabel = "FILE", description = "connlint.yml to use.")
    Path config;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        LintRequest request = LintRequest.of(dir);
        if (config != null) {
            request = request.withConfigFile(config);
        }
        LintResult result = Linter.withDiscoveredRules().lint(request);
        Output.write(output, spec.commandLine().getOut(), out -> {
            if (format == Format.json) {
                ModelWriter.json(result.model(), Main.version(), out);
            } else {
                ModelWriter.text(result.model(), out);
            }
        });
        return 0;
    }
}
