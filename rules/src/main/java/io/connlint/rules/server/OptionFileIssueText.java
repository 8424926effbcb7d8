package io.connlint.rules.server;

import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.OptionFileIssue.BadLine;
import io.connlint.core.model.OptionFileIssue.IncludeDirMissing;
import io.connlint.core.model.OptionFileIssue.IncludeIsDirectory;
import io.connlint.core.model.OptionFileIssue.IncludeMissing;
import io.connlint.core.model.OptionFileIssue.NotNamedCnf;
import io.connlint.core.model.OptionFileIssue.OptionRefused;
import io.connlint.core.model.OptionFileIssue.WorldWritable;

/**
 * The words of CL504 and CL507: what the server does with an option-file issue, in its own words
 * where it has them, and how to fix it. {@code connlint show} prints the same message.
 */
public final class OptionFileIssueText {

    private OptionFileIssueText() {
    }

    /** What the server does. */
    public static String message(OptionFileIssue issue) {
        boolean refused = issue.kind() == OptionFileIssue.Kind.REFUSED;
        OptionFileIssue.Cause cause = issue.cause();
        if (cause instanceof OptionRefused r) {
            return OptionRefusalText.message(r);
        }
        if (cause instanceof WorldWritable w) {
            // the server's log line, checked with my_print_defaults 10.11
            return "mysqld ignores " + w.file() + " because it is world-writable (\"World-writable config file '"
                    + w.file() + "' is ignored\"); connlint ignores it too";
        }
        if (cause instanceof IncludeMissing i) {
            return "'!include " + i.argument() + "': " + i.path() + " does not exist; mysqld skips a missing include";
        }
        if (cause instanceof IncludeIsDirectory i) {
            return "'!include " + i.argument() + "': " + i.path() + " is a directory; mysqld reads nothing from it";
        }
        if (cause instanceof IncludeDirMissing i) {
            return "'!includedir " + i.argument() + "': " + i.path() + " is not a directory" + (refused
                    ? "; mysqld refuses to start (\"Fatal error in defaults handling\")"
                    : "; mysqld ignores the rest of " + issue.at().path());
        }
        if (cause instanceof NotNamedCnf n) {
            return "mysqld does not read " + n.file() + ": '!includedir " + n.argument() + "' (" + n.includedAt()
                    + ") reads only files whose name ends in .cnf";
        }
        BadLine bad = (BadLine) cause;
        return badLine(bad) + (refused ? "; mysqld refuses to start with this file"
                : "; mysqld ignores the rest of this included file");
    }

    private static String badLine(BadLine bad) {
        return switch (bad.error()) {
            case OPTION_WITHOUT_GROUP -> "option without a preceding [group]";
            case BYTE_ORDER_MARK -> "the file starts with a UTF-8 byte-order mark, which mysqld reads as an option "
                    + "without a preceding [group]; save the file without it";
            case UNCLOSED_GROUP -> "wrong group definition: '[' without a closing ']'";
            case DIRECTIVE_WITHOUT_PATH -> "wrong '!" + bad.directive() + "' directive: it names no path";
        };
    }

    /** How to fix it. */
    public static String help(OptionFileIssue issue) {
        OptionFileIssue.Cause cause = issue.cause();
        if (cause instanceof OptionRefused r) {
            return OptionRefusalText.help(r);
        }
        if (cause instanceof WorldWritable w) {
            return "chmod o-w " + w.file();
        }
        if (cause instanceof IncludeMissing i) {
            return "add " + i.path() + " to the project, map its directory with pathMap, or remove the line";
        }
        if (cause instanceof IncludeIsDirectory i) {
            return "use '!includedir " + i.argument() + "' to read the .cnf files in it";
        }
        if (cause instanceof IncludeDirMissing i) {
            return "create " + i.path() + " (git keeps no empty directory: commit a .gitkeep in it), map '"
                    + i.argument() + "' with pathMap, or remove the line";
        }
        if (cause instanceof NotNamedCnf n) {
            return "rename it to " + n.name().replaceFirst("\\.[^.]*$", "") + ".cnf if the server should read it";
        }
        return switch (((BadLine) cause).error()) {
            case OPTION_WITHOUT_GROUP -> "put a group header such as [mysqld] above it";
            case BYTE_ORDER_MARK -> "save the file as UTF-8 without a byte-order mark";
            case UNCLOSED_GROUP -> "close the group header with ']'";
            case DIRECTIVE_WITHOUT_PATH -> "name the file or directory to include";
        };
    }
}
