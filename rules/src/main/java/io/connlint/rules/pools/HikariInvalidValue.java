package io.connlint.rules.pools;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.RejectedValue;

import java.util.Optional;

/**
 * HikariCP refuses some settings outright — an unknown or kebab-case key, a number it cannot
 * parse, a value its setter rejects — and the pool, with the application, does not start. So does
 * Spring Boot when it cannot bind a pool's value, whatever the library.
 */
@LintRule(code = "CL402", name = "hikari-invalid-value",
        summary = "A HikariCP setting makes the pool refuse to start",
        severity = Severity.ERROR)
public final class HikariInvalidValue implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ClientPool pool : model.pools()) {
            for (RejectedValue r : pool.rejected()) {
                RuleContext.Report report = context.report(r.refusal().refusedBy() + " refuses " + r.key() + "="
                                + r.value() + " and pool " + pool.id() + " does not start: " + r.why() + hint(r))
                        .at(r.at());
                fix(r).ifPresent(report::help);
                report.emit();
            }
        }
    }

    /** For an unknown key: {@code ; did you mean 'x'?}. */
    private static String hint(RejectedValue r) {
        return r.refusal() instanceof RejectedValue.UnknownKey unknown
                ? unknown.nearest().map(n -> "; did you mean '" + n + "'?").orElse("") : "";
    }

    /** What to write instead, when the refusal says. */
    static Optional<String> fix(RejectedValue r) {
        if (r.refusal() instanceof RejectedValue.UnknownKey unknown) {
            return Optional.of(unknown.nearest().map(n -> "write " + n + "=" + r.value() + " (" + unknown.refusedBy()
                    + "'s camelCase name)").orElse("remove " + r.key() + unknown.passThrough()
                    .map(p -> ", or pass a driver property as " + p + r.key()).orElse("")));
        }
        if (r.refusal() instanceof RejectedValue.NotANumber n) {
            return Optional.of(n.asDuration().map(ms -> "write " + n.property() + n.assign() + ms + " (milliseconds)")
                    .or(() -> n.withoutSpaces().map(x -> "write " + n.property() + n.assign() + x + " without the spaces"))
                    .orElse("write " + n.property() + " as " + (n.whole() ? "a whole number"
                            : "a whole number of milliseconds")));
        }
        if (r.refusal() instanceof RejectedValue.OutOfRange range) {
            return Optional.of(accepted(range.property(), range.spelled() + range.assign()));
        }
        return Optional.empty();
    }

    /** What HikariCP's setter accepts for a property it refused (research/client-facts.md §1.3). */
    private static String accepted(String property, String write) {
        return switch (property) {
            case "connectionTimeout" -> "write " + write + "250 or more (HikariCP's floor; a few seconds such as"
                    + " 3000 fails fast), or 0 to wait without limit";
            case "validationTimeout" -> "write " + write + "250 or more (default 5000)";
            case "idleTimeout" -> "write " + write + "0 (never) or 10000 or more (default 600000)";
            case "maximumPoolSize" -> "write " + write + "1 or more (default 10)";
            case "minimumIdle" -> "write " + write + "0 or more, or remove it for a fixed-size pool";
            default -> "write a value HikariCP accepts";
        };
    }
}
