package io.connlint.cli;

import io.connlint.core.finding.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.report.ModelWriter;
import io.connlint.rules.server.OptionFileIssueText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the model connlint reasons about: every server's effective variables and every pool's "
                + "effective settings, with value, origin and location.")
final class ShowCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectOptions project;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        LintResult result = Linter.withDiscoveredRules().lint(project.request());
        Output.write(output, spec.commandLine().getOut(), out -> {
            if (format == Format.json) {
                ModelWriter.json(result.model(), Main.version(), out, OptionFileIssueText::message);
            } else {
                ModelWriter.text(result.model(), out, OptionFileIssueText::message);
            }
        });
        return 0;
    }
}
