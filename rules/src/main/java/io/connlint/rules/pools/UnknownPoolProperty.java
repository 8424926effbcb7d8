package io.connlint.rules.pools;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.text.Similar;

/**
 * Spring Boot ignores keys its pool does not have ({@code ignoreUnknownFields = true}): a typo in
 * {@code maximum-pool-sise} leaves the pool at its default, silently.
 */
@LintRule(code = "CL404", name = "unknown-pool-property",
        summary = "A key under a pool's prefix names no property of the pool, and Spring Boot ignores it silently",
        severity = Severity.WARNING)
public final class UnknownPoolProperty implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (UnusedKey key : model.unusedKeys()) {
            if (key.kind() != UnusedKey.Kind.UNKNOWN_PROPERTY) {
                continue;
            }
            String element = key.key().substring(key.key().lastIndexOf('.') + 1);
            String hint = Similar.nearest(element, key.known()).map(n -> "; did you mean '" + n + "'?").orElse("");
            context.report("Spring Boot ignores '" + key.key() + "' and the pool of " + key.app()
                            + " runs without it: '" + element + "' is not a " + key.readsFrom() + " property" + hint)
                    .at(key.at())
                    .help(Similar.nearest(element, key.known()).map(n -> "write " + n + " instead")
                            .orElse("remove it, or use a property of " + key.readsFrom()))
                    .emit();
        }
    }
}
