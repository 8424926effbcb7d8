package io.connlint.core.rule;

/**
 * A rule about the suppressions themselves: it runs after every other rule, over a model whose
 * suppressions know whether they silenced a finding.
 */
public interface AfterSuppressions extends Rule {
}
