package io.connlint.rules;

import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/rules/ is generated from the rules. This test fails when it is stale; run it with
 * {@code -Dconnlint.updateDocs=true} to regenerate.
 */
class RuleDocsTest {

    @Test
    void generatedRuleDocsAreUpToDate() throws IOException {
        Path docs = Path.of(System.getProperty("connlint.repoRoot", "..")).resolve("docs/rules");
        boolean update = Boolean.getBoolean("connlint.updateDocs");
        List<String> stale = new ArrayList<>();
        TreeSet<String> expectedFiles = new TreeSet<>();
        StringBuilder index = new StringBuilder("<!-- generated from the rules; edit those, not this file -->\n"
                + "# connlint rules\n\n| code | name | default severity | summary |\n|---|---|---|---|\n");
        List<Rule> byCode = new ArrayList<>(BuiltInRules.all());
        byCode.sort(java.util.Comparator.comparing(r -> r.info().code()));
        for (Rule rule : byCode) {
            String file = rule.info().code() + "-" + rule.info().name() + ".md";
            expectedFiles.add(file);
            index.append("| ").append(rule.info().code()).append(" | [").append(rule.info().name()).append("](")
                    .append(file).append(") | ").append(rule.info().defaultSeverity().word()).append(" | ")
                    .append(rule.info().summary()).append(" |\n");
            check(docs.resolve(file), RuleDocs.page(rule), update, stale);
        }
        expectedFiles.add("README.md");
        check(docs.resolve("README.md"), index.toString(), update, stale);
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                for (Path f : files.toList()) {
                    if (!expectedFiles.contains(f.getFileName().toString())) {
                        if (update) {
                            Files.delete(f);
                        } else {
                            stale.add(f + " belongs to no rule");
                        }
                    }
                }
            }
        }
        assertTrue(stale.isEmpty(), "docs/rules is stale; regenerate with "
                + "mvn -pl rules test -Dtest=RuleDocsTest -Dconnlint.updateDocs=true\n" + String.join("\n", stale));
    }

    private static void check(Path file, String expected, boolean update, List<String> stale) throws IOException {
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (expected.equals(actual)) {
            return;
        }
        if (update) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        } else {
            stale.add(file + (actual == null ? " is missing" : " differs from the rule"));
        }
    }
}
