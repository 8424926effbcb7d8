package io.connlint.core.finding;

import java.util.List;
import java.util.Optional;

/**
 * A rule's metadata: what findings and reports name a rule by. Rules declare it in their
 * {@code @LintRule}, read and validated by {@code RuleMetadata} when the rule loads.
 */
public record RuleInfo(String code, String name, String summary, Severity defaultSeverity, List<OptionInfo> options) {

    /** Where a rule's documentation lives. */
    public static final String DOCS_BASE = "https://connlint.io/rules/";

    public record OptionInfo(String name, long defaultValue, String description) {
    }

    public RuleInfo {
        options = List.copyOf(options);
    }

    public Optional<OptionInfo> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /** The page that explains this rule. */
    public String helpUri() {
        return DOCS_BASE + code + "-" + name;
    }

    /** {@code CL101 pool-budget-exceeded}. */
    public String title() {
        return code + " " + name;
    }
}
