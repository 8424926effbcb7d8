package io.connlint.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A rule's metadata, read from its {@link LintRule} and validated when the rule loads.
 */
public record RuleInfo(String code, String name, String summary, Severity defaultSeverity, List<OptionInfo> options) {

    private static final Pattern CODE = Pattern.compile("CL\\d{3}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Map<Class<?>, RuleInfo> CACHE = new ConcurrentHashMap<>();

    /** Where a rule's documentation lives. */
    public static final String DOCS_BASE = "https://connlint.io/rules/";

    public record OptionInfo(String name, long defaultValue, String description) {
    }

    public RuleInfo {
        options = List.copyOf(options);
    }

    public static RuleInfo of(Class<?> ruleClass) {
        return CACHE.computeIfAbsent(ruleClass, RuleInfo::read);
    }

    private static RuleInfo read(Class<?> ruleClass) {
        LintRule a = ruleClass.getAnnotation(LintRule.class);
        if (a == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @LintRule");
        }
        if (!CODE.matcher(a.code()).matches()) {
            throw new IllegalStateException(ruleClass.getName() + ": code must be CL and three digits: " + a.code());
        }
        if (!NAME.matcher(a.name()).matches()) {
            throw new IllegalStateException(ruleClass.getName() + ": name must be kebab-case: " + a.name());
        }
        if (a.summary().isBlank() || a.summary().endsWith(".")) {
            throw new IllegalStateException(ruleClass.getName() + ": summary must be one line without a trailing period");
        }
        List<OptionInfo> options = java.util.Arrays.stream(a.options())
                .map(o -> new OptionInfo(o.name(), o.defaultValue(), o.description()))
                .toList();
        return new RuleInfo(a.code(), a.name(), a.summary(), a.severity(), options);
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
