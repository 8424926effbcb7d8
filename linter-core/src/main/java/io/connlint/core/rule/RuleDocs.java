package io.connlint.core.rule;

import io.connlint.core.finding.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A rule's documentation: the side-car {@code <RuleClass>.md} beside its class (the prose under
 * fixed headings), and the full page built from it and the rule's metadata.
 */
public final class RuleDocs {

    /** The headings every side-car has, in this order. */
    public static final List<String> HEADINGS = List.of(
            "## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Options", "## References");

    private RuleDocs() {
    }

    /** The side-car prose of a rule, if its class ships one. */
    public static Optional<String> sideCar(Rule rule) {
        String name = rule.getClass().getSimpleName() + ".md";
        try (InputStream in = rule.getClass().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The published page: title, metadata, then the side-car. */
    public static String page(Rule rule) {
        RuleInfo info = rule.info();
        StringBuilder page = new StringBuilder();
        page.append("<!-- generated from ").append(rule.getClass().getSimpleName())
                .append(".java and its side-car .md; edit those, not this file -->\n");
        page.append("# ").append(info.code()).append(' ').append(info.name()).append("\n\n");
        page.append("**").append(info.summary()).append("**\n\n");
        page.append("Default severity: ").append(info.defaultSeverity().word()).append("\n\n");
        page.append(sideCar(rule).orElse("(no documentation)\n").strip()).append('\n');
        if (!info.options().isEmpty()) {
            page.append("\n| option | default | meaning |\n|---|---|---|\n");
            for (RuleInfo.OptionInfo o : info.options()) {
                page.append("| `").append(o.name()).append("` | ").append(o.defaultValue()).append(" | ")
                        .append(o.description()).append(" |\n");
            }
        }
        page.append("\n## Configuration\n\n```yaml\nrules:\n  ").append(info.code())
                .append(": { severity: warning }   # or: off\n```\n");
        return page.toString();
    }
}
