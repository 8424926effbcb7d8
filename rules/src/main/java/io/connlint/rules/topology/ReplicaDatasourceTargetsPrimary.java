package io.connlint.rules.topology;

import io.connlint.core.engine.LintRule;
import io.connlint.core.engine.Rule;
import io.connlint.core.engine.RuleContext;
import io.connlint.core.engine.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Target;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A datasource meant for a read replica that resolves to the primary sends the read load, and
 * its connections, to the server the budget was meant to protect.
 */
@LintRule(code = "CL703", name = "replica-datasource-targets-primary",
        summary = "A datasource named as a read replica connects to the same server as the primary",
        severity = Severity.WARNING)
public final class ReplicaDatasourceTargetsPrimary implements Rule {

    private static final Pattern REPLICA = Pattern.compile("(^|[^a-z])(replica|slave|reader|read|ro)([^a-z]|$)");

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool replica : model.pools()) {
            String server = model.poolServer().get(replica.id());
            if (server == null || !isReplica(replica)) {
                continue;
            }
            model.pools().stream()
                    .filter(p -> p.app().equals(replica.app()) && !isReplica(p) && server.equals(model.poolServer().get(p.id())))
                    .findFirst()
                    .ifPresent(primary -> {
                        RuleContext.Report report = context.report("pool " + replica.id()
                                + " is named as a read replica but connects to server " + server + ", like the primary "
                                + primary.id() + ": its reads and connections land on the primary");
                        replica.target().map(Target::source).ifPresentOrElse(s -> report.at(s, replica.location()),
                                () -> report.at(replica.location()));
                        primary.target().map(Target::source).ifPresent(s -> report.related(s, "the primary's URL"));
                        report.help("point " + replica.id() + " at the replica's host (and declare that server in"
                                + " connlint.yml), or drop the replica datasource").emit();
                    });
        }
    }

    /** The part of the pool id after the app names the datasource: {@code app/app.datasource.replica}. */
    static boolean isReplica(ClientPool pool) {
        int slash = pool.id().indexOf('/');
        String name = slash < 0 ? "" : pool.id().substring(slash + 1).toLowerCase(Locale.ROOT);
        return REPLICA.matcher(name).find();
    }
}
