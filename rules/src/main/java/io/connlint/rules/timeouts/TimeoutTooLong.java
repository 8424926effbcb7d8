package io.connlint.rules.timeouts;

import io.connlint.core.rule.RuleContext;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;
import io.connlint.rules.text.Numbers;


/** Shared by the two timeout rules: a server timeout above {@code maxSeconds}. */
final class TimeoutTooLong {

    private TimeoutTooLong() {
    }

    static void check(Deployment model, RuleContext context, ServerVariable variable, String why) {
        long max = context.option("maxSeconds");
        for (DatabaseServer server : model.servers()) {
            Setting<Long> timeout = server.variable(variable);
            if (timeout.effective() <= max || (!timeout.isWritten() && hasUnreadableOptionFile(model, server))) {
                // a default is only the server's value when every option file could be read (CL900, CL504, CL507 say which not)
                continue;
            }
            String origin = timeout.isWritten() ? "" : " (" + timeout.origin().describe() + ": nobody set it)";
            context.report(variable.name() + " of server " + server.id() + " is " + Numbers.seconds(timeout.effective())
                            + origin + ", above " + Numbers.seconds(max) + ": " + why)
                    .at(timeout, server.location())
                    .help("set " + variable.name() + " = " + max + " (or lower) under [mysqld]")
                    .emit();
        }
    }

    static boolean hasUnreadableOptionFile(Deployment model, DatabaseServer server) {
        return !server.issues().isEmpty() || model.problems().stream().anyMatch(p -> p.kind() == ReadProblem.Kind.UNREADABLE
                && server.optionFiles().contains(p.at().path()));
    }

}
