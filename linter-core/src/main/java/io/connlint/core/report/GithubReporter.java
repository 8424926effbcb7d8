package io.connlint.core.report;

import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;

import java.io.IOException;

/**
 * GitHub Actions workflow commands: one {@code ::error file=…,line=…,col=…,title=…::message} line
 * per finding, at the start of a line, which Actions turns into annotations on the pull request.
 * Properties and messages are escaped as the runner expects (%, CR, LF; and : , in properties).
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(LintResult result, Appendable out) throws IOException {
        for (Finding f : result.findings()) {
            out.append(annotation(f)).append('\n');
        }
        out.append(ConsoleReporter.summary(result)).append('\n');
    }

    /** The workflow command for one finding. */
    public static String annotation(Finding f) {
        String command = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        StringBuilder line = new StringBuilder("::").append(command).append(' ');
        f.primary().ifPresent(at -> line.append("file=").append(property(at.path()))
                .append(",line=").append(at.line()).append(",col=").append(at.column()).append(','));
        line.append("title=").append(property(f.rule().title())).append("::");
        StringBuilder message = new StringBuilder(f.message());
        f.arithmetic().forEach(a -> message.append('\n').append(a));
        f.help().ifPresent(h -> message.append("\nhelp: ").append(h));
        line.append(data(message.toString()));
        return line.toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
