package io.connlint.cli;

import io.connlint.core.engine.ConnlintException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/**
 * {@code connlint}: check, baseline, show, explain, rules. Exit 0 when nothing is at or above the threshold,
 * 1 when something is, 2 when connlint could not run.
 */
@Command(name = "connlint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Proves before deploy that your connection pools fit your MySQL/MariaDB server's "
                + "max_connections, and live shorter than its wait_timeout.",
        subcommands = {CheckCommand.class, BaselineCommand.class, ShowCommand.class, ExplainCommand.class, RulesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Findings at or above the threshold. */
    public static final int EXIT_FINDINGS = 1;
    /** connlint could not run: bad arguments, a missing or unreadable named file. */
    public static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var direct = DirectCheck.parse(args);
        if (direct.isPresent()) {
            try {
                return direct.get().run(out, err);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return runWithPicocli(out, err, args);
    }

    /** Runs the command line through picocli, whatever the arguments. */
    static int runWithPicocli(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        setExitCodes(cl);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (isUserError(e)) {
                commandLine.getErr().println("connlint: " + e.getMessage());
                return EXIT_ERROR;
            }
            throw e;
        });
        return cl.execute(args);
    }

    /** Exceptions that mean connlint could not run on this input (exit 2 with the message), not a bug. */
    static boolean isUserError(Exception e) {
        return e instanceof ConnlintException || e instanceof IOException || e instanceof IllegalArgumentException;
    }

    private static void setExitCodes(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_ERROR);
        cl.getCommandSpec().exitCodeOnExecutionException(EXIT_ERROR);
        cl.getSubcommands().values().forEach(Main::setExitCodes);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the build. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"connlint " + version()};
        }
    }
}
