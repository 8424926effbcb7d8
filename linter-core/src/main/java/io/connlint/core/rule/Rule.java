package io.connlint.core.rule;

import io.connlint.core.engine.Linter;
import io.connlint.core.finding.RuleInfo;
import io.connlint.core.model.Deployment;

/**
 * One check over the model. A rule sees only the model, never files; it reports through the
 * context. Implementations carry {@link LintRule}. Rules run side by side on the machine's cores
 * ({@link Linter}), so {@link #check} must keep no state of its own between calls.
 */
public interface Rule {

    void check(Deployment model, RuleContext context);

    /** The validated metadata from this rule's {@link LintRule}. */
    default RuleInfo info() {
        return RuleMetadata.of(getClass());
    }
}
