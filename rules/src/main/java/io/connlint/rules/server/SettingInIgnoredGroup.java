package io.connlint.rules.server;

import io.connlint.core.engine.LintRule;
import io.connlint.core.engine.Rule;
import io.connlint.core.engine.RuleContext;
import io.connlint.core.engine.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.UnusedKey;

/**
 * mysqld reads only its own option-file groups and skips the others without a word: a
 * max_connections under [client] or [mysqld_safe] changes nothing on the server.
 */
@LintRule(code = "CL505", name = "setting-in-ignored-group",
        summary = "A server variable is set in an option-file group the server does not read",
        severity = Severity.WARNING)
public final class SettingInIgnoredGroup implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (UnusedKey key : model.unusedKeys()) {
            if (key.kind() != UnusedKey.Kind.GROUP_NOT_READ) {
                continue;
            }
            context.report("'" + key.key() + "' is set in " + key.readsFrom() + ", which server " + key.app()
                            + " does not read: the server runs without it")
                    .at(key.at())
                    .help("move it under [mysqld] (server " + key.app() + " reads "
                            + String.join(", ", key.known().stream().map(g -> "[" + g + "]").toList()) + ")")
                    .emit();
        }
    }
}
