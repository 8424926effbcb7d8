package io.connlint.rules.topology;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Target;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        // the first non-replica pool of each app on each server, found once (not once per replica)
        Map<List<String>, ClientPool> primaries = new HashMap<>();
        for (ClientPool p : model.pools()) {
            String server = model.poolServer().get(p.id());
            if (server != null && !isReplica(p)) {
                primaries.putIfAbsent(List.of(p.app(), server), p);
            }
        }
        for (ClientPool replica : model.pools()) {
            String server = model.poolServer().get(replica.id());
            if (server == null || !isReplica(replica)) {
                continue;
            }
            Optional.ofNullable(primaries.get(List.of(replica.app(), server)))
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
