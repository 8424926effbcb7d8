package io.connlint.rules.pools;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.UnusedKey;

/**
 * A pool setting where nothing reads it: Spring Boot 2+ binds HikariCP's settings under
 * {@code spring.datasource.hikari}, not {@code spring.datasource}; the legacy {@code spring.profiles}
 * document key is an error in Spring Boot 3.
 */
@LintRule(code = "CL405", name = "pool-property-misplaced",
        summary = "A pool setting stands where nothing reads it",
        severity = Severity.WARNING)
public final class PoolPropertyMisplaced implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (UnusedKey key : model.unusedKeys()) {
            switch (key.kind()) {
                case MISPLACED -> context.report("'" + key.key() + "' is read by nothing: " + key.app()
                                + " reads it from " + key.readsFrom())
                        .at(key.at())
                        .help("move it to " + key.readsFrom())
                        .emit();
                case LEGACY_PROFILES -> context.report("'" + key.key() + "' is the legacy profile key: Spring Boot 3"
                                + " refuses to start (\"should be replaced with 'spring.config.activate.on-profile'\"),"
                                + " 2.4 to 2.7 warn")
                        .at(key.at())
                        .help("write spring.config.activate.on-profile instead")
                        .emit();
                default -> {
                }
            }
        }
    }
}
