package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;

import java.util.Map;

/**
 * A value outside the variable's range, or not a multiple of its block size: the server runs with
 * another one (my_getopt getopt_ull_limit_value). The open-files cut is CL501's.
 */
@LintRule(code = "CL503", name = "value-clamped",
        summary = "The server clamps or rounds a written value to its range and block size",
        severity = Severity.WARNING)
public final class ValueClamped implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            for (Map.Entry<String, Setting<?>> entry : server.variables().entrySet()) {
                var variable = ServerVariable.byName(entry.getKey());
                var spec = variable.flatMap(v -> v.spec(server.engine()));
                Setting<?> setting = entry.getValue();
                if (spec.isEmpty() || !setting.isWritten() || !(setting.value() instanceof Long value)
                        || setting.adjustments().isEmpty()) {
                    continue;
                }
                // the limit is applied first when the value is read; later adjustments come after it
                Setting.Adjustment first = setting.adjustments().get(0);
                boolean clamped = first.kind() == Setting.Kind.RANGE_CLAMPED;
                boolean rounded = first.kind() == Setting.Kind.BLOCK_ROUNDED;
                if (!clamped && !rounded) {
                    continue;
                }
                long runsAs = spec.get().limit(value);
                if (runsAs == value) {
                    continue;
                }
                String name = setting.name();
                String then = setting.effective().equals(runsAs) ? ""
                        : " (and then runs as " + setting.effective() + ": " + String.join("; then ", setting.adjustments()
                        .subList(1, setting.adjustments().size()).stream().map(Setting.Adjustment::why).toList()) + ")";
                String message = name + " = " + setting.raw() + " on server " + server.id() + " is limited to "
                        + runsAs + (clamped
                        ? ": the server says \"" + first.why() + "\" (" + server.engine().id() + " range " + spec.get().min()
                        + ".." + range(spec.get().max()) + ")"
                        : ": the server rounds it down to a multiple of " + spec.get().block() + " without a word")
                        + then;
                context.report(message)
                        .at(setting, server.location())
                        .help("write " + name + " = " + runsAs + ", the value the server accepts"
                                + (clamped ? ", or a value within " + spec.get().min() + ".." + range(spec.get().max())
                                : ""))
                        .emit();
            }
        }
    }

    private static String range(long max) {
        return max == ServerVariable.UNBOUNDED ? "ULONG_MAX" : String.valueOf(max);
    }
}
