package io.connlint.core.rule;

import io.connlint.core.finding.RuleInfo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Reads a rule's {@link LintRule} into its {@link RuleInfo}, validated once per class. */
public final class RuleMetadata {

    private static final Pattern CODE = Pattern.compile("CL\\d{3}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Map<Class<?>, RuleInfo> CACHE = new ConcurrentHashMap<>();

    private RuleMetadata() {
    }

    public static RuleInfo of(Class<?> ruleClass) {
        return CACHE.computeIfAbsent(ruleClass, RuleMetadata::read);
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
        List<RuleInfo.OptionInfo> options = java.util.Arrays.stream(a.options())
                .map(o -> new RuleInfo.OptionInfo(o.name(), o.defaultValue(), o.description()))
                .toList();
        return new RuleInfo(a.code(), a.name(), a.summary(), a.severity(), options);
    }

}
