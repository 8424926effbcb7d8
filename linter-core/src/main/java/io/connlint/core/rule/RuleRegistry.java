package io.connlint.core.rule;

import io.connlint.core.finding.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The rules in force, by code. Duplicate codes or names are refused. */
public final class RuleRegistry {

    private final List<Rule> rules;

    public RuleRegistry(List<? extends Rule> rules) {
        Map<String, Rule> byCode = new HashMap<>();
        Map<String, Rule> byName = new HashMap<>();
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            Rule clash = byCode.putIfAbsent(info.code(), rule);
            if (clash != null) {
                throw new IllegalStateException("two rules have code " + info.code() + ": "
                        + clash.getClass().getName() + ", " + rule.getClass().getName());
            }
            clash = byName.putIfAbsent(info.name(), rule);
            if (clash != null) {
                throw new IllegalStateException("two rules have name " + info.name());
            }
        }
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(r -> r.info().code()));
        this.rules = List.copyOf(sorted);
    }

    /** Every rule every {@link RuleProvider} on the class path offers. */
    public static RuleRegistry discover() {
        return discover(RuleRegistry.class.getClassLoader());
    }

    public static RuleRegistry discover(ClassLoader loader) {
        List<Rule> all = new ArrayList<>();
        for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, loader)) {
            all.addAll(provider.rules());
        }
        return new RuleRegistry(all);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<RuleInfo> infos() {
        return rules.stream().map(Rule::info).toList();
    }

}
