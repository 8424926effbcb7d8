package io.connlint.rules.planted;

/** Planted for ArchitectureTest: a rule that reaches into a reader. */
public final class RuleParsingText {
    public Object parse() {
        return io.connlint.core.read.TextFile.scope();
    }
}
