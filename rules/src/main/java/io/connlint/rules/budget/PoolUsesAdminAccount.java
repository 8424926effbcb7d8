package io.connlint.rules.budget;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;
import io.connlint.core.model.Target;

import java.util.Locale;
import java.util.Optional;

/**
 * MySQL lets one connection above max_connections in, for an account with CONNECTION_ADMIN or
 * SUPER, so a DBA can still log in when the pools have taken every slot. A pool that connects as
 * root takes that slot too.
 */
@LintRule(code = "CL106", name = "pool-uses-admin-account",
        summary = "A pool connects as root and can take the connection reserved for administrators",
        severity = Severity.WARNING)
public final class PoolUsesAdminAccount implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool pool : model.pools()) {
            Optional<Setting<String>> user = pool.target().flatMap(Target::user);
            if (user.isEmpty() || !user.get().value().trim().toLowerCase(Locale.ROOT).equals("root")) {
                continue;
            }
            context.report("pool " + pool.id() + " connects as root: when the pools fill max_connections, it can also"
                            + " take the one extra connection the server keeps for administrators, and nobody can log"
                            + " in to fix the incident")
                    .at(user.get(), pool.location())
                    .help("create an application account with only the privileges " + pool.app() + " needs")
                    .emit();
        }
    }
}
