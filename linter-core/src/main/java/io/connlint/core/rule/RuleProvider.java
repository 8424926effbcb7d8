package io.connlint.core.rule;

import java.util.List;

/**
 * A set of rules, found through {@link java.util.ServiceLoader}: the built-in rules register one,
 * and so can anyone who adds rules.
 */
public interface RuleProvider {

    List<Rule> rules();
}
