package io.connlint.rules;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleDocs;
import io.connlint.core.finding.RuleInfo;
import io.connlint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry is complete and every rule is documented. */
class RegistryConsistencyTest {

    @Test
    void everyAnnotatedRuleClassIsRegistered() throws Exception {
        Set<String> annotated = new HashSet<>();
        for (Class<?> c : ruleClassesOnDisk()) {
            if (c.isAnnotationPresent(LintRule.class)) {
                annotated.add(c.getName());
            }
        }
        Set<String> registered = new HashSet<>();
        BuiltInRules.all().forEach(r -> registered.add(r.getClass().getName()));
        assertEquals(annotated, registered, "classes with @LintRule vs BuiltInRules.all()");
        assertTrue(annotated.size() >= 5, "found only " + annotated);
    }

    /** Where a newcomer puts a rule: the package of its code's family (1xx budget, 2xx memory, …). */
    static final java.util.Map<Character, String> FAMILIES = java.util.Map.of('1', "budget", '2', "memory",
            '3', "timeouts", '4', "pools", '5', "server", '6', "django", '7', "topology", '9', "meta");

    @Test
    void everyRuleLivesInThePackageOfItsCodesFamily() {
        List<String> misplaced = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            String code = rule.info().code();
            String expected = "io.connlint.rules." + FAMILIES.get(code.charAt(2));
            if (!rule.getClass().getPackageName().equals(expected)) {
                misplaced.add(code + " " + rule.getClass().getName() + " belongs in " + expected);
            }
        }
        assertTrue(misplaced.isEmpty(), String.join("\n", misplaced));
    }

    @Test
    void codesAndNamesAreUnique() {
        // the registry refuses duplicates; building it is the check
        RuleRegistry registry = new RuleRegistry(BuiltInRules.all());
        assertEquals(BuiltInRules.all().size(), registry.rules().size());
    }

    @Test
    void theServiceLoaderFindsTheBuiltInRules() {
        Set<String> discovered = new HashSet<>();
        RuleRegistry.discover().infos().forEach(i -> discovered.add(i.code()));
        BuiltInRules.all().forEach(r -> assertTrue(discovered.contains(r.info().code()), r.info().code()));
    }

    @Test
    void everyRuleHasADocWithTheFixedHeadingsAndItsOptions() {
        List<String> problems = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            problems.addAll(docProblems(rule));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyRuleHasATest() {
        List<String> missing = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            try {
                Class.forName(rule.getClass().getName() + "Test");
            } catch (ClassNotFoundException e) {
                missing.add(rule.info().code() + ": no " + rule.getClass().getSimpleName() + "Test");
            }
        }
        assertEquals(List.of(), missing);
    }

    // ---- the checks themselves catch what they are for ------------------------------------------

    @LintRule(code = "CL990", name = "undocumented-rule", summary = "A rule without a side-car doc",
            severity = io.connlint.core.finding.Severity.INFO)
    static final class Undocumented implements Rule {
        @Override
        public void check(io.connlint.core.model.Deployment model, io.connlint.core.rule.RuleContext context) {
        }
    }

    /** Its side-car (test resources) has every heading but documents no option. */
    @LintRule(code = "CL991", name = "option-undocumented", summary = "A rule whose option the doc leaves out",
            severity = io.connlint.core.finding.Severity.INFO,
            options = @LintRule.Option(name = "limit", defaultValue = 3, description = "a limit"))
    static final class OptionUndocumented implements Rule {
        @Override
        public void check(io.connlint.core.model.Deployment model, io.connlint.core.rule.RuleContext context) {
        }
    }

    @LintRule(code = "CL101", name = "a-second-cl101", summary = "A rule reusing a code",
            severity = io.connlint.core.finding.Severity.INFO)
    static final class DuplicateCode implements Rule {
        @Override
        public void check(io.connlint.core.model.Deployment model, io.connlint.core.rule.RuleContext context) {
        }
    }

    @Test
    void theDocCheckFailsOnAMissingDocAndAnUndocumentedOption() {
        assertEquals(List.of("CL990: no Undocumented.md beside the class"),
                docProblems(new Undocumented()));
        assertEquals(List.of("CL991: option limit is not documented under ## Options",
                        "CL991: section '## Example' is empty"),
                docProblems(new OptionUndocumented()));
    }

    @Test
    void theRegistryRefusesADuplicateCode() {
        List<Rule> rules = new ArrayList<>(BuiltInRules.all());
        rules.add(new DuplicateCode());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new RuleRegistry(rules));
        assertTrue(e.getMessage().startsWith("two rules have code CL101"), e.getMessage());
    }

    @Test
    void theRegistryCheckSeesAnAnnotatedClassThatIsNotRegistered() {
        Set<String> registered = new HashSet<>();
        BuiltInRules.all().forEach(r -> registered.add(r.getClass().getName()));
        assertTrue(!registered.contains(Undocumented.class.getName())
                && Undocumented.class.isAnnotationPresent(LintRule.class), "the comparison in the first test fails for it");
    }

    /** What is wrong with a rule's side-car doc: missing, headings missing or out of order, empty sections, options. */
    static List<String> docProblems(Rule rule) {
        List<String> problems = new ArrayList<>();
        {
            RuleInfo info = rule.info();
            var doc = RuleDocs.sideCar(rule);
            if (doc.isEmpty()) {
                problems.add(info.code() + ": no " + rule.getClass().getSimpleName() + ".md beside the class");
                return problems;
            }
            int last = -1;
            for (String heading : RuleDocs.HEADINGS) {
                int at = doc.get().indexOf("\n" + heading + "\n");
                if (at < 0 && doc.get().startsWith(heading + "\n")) {
                    at = 0;
                }
                if (at < 0) {
                    problems.add(info.code() + ": missing heading '" + heading + "'");
                } else if (at < last) {
                    problems.add(info.code() + ": heading '" + heading + "' out of order");
                } else {
                    last = at;
                }
            }
            String options = section(doc.get(), "## Options");
            for (RuleInfo.OptionInfo option : info.options()) {
                if (!options.contains("`" + option.name() + "`")) {
                    problems.add(info.code() + ": option " + option.name() + " is not documented under ## Options");
                }
            }
            if (info.options().isEmpty() && !options.strip().equals("None.")) {
                problems.add(info.code() + ": has no options, but ## Options says: " + options.strip());
            }
            for (String heading : RuleDocs.HEADINGS) {
                if (doc.get().contains(heading + "\n") && section(doc.get(), heading).isBlank()) {
                    problems.add(info.code() + ": section '" + heading + "' is empty");
                }
            }
        }
        return problems;
    }

    private static String section(String doc, String heading) {
        int start = doc.indexOf(heading);
        int end = doc.indexOf("\n## ", start + heading.length());
        return doc.substring(start + heading.length(), end < 0 ? doc.length() : end);
    }

    /** Every class compiled into the rules module's main output. */
    private static List<Class<?>> ruleClassesOnDisk() throws URISyntaxException, IOException, ClassNotFoundException {
        Path root = Path.of(BuiltInRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceFirst("\\.class$", "");
                if (!name.contains("$")) {
                    classes.add(Class.forName(name));
                }
            }
        }
        return classes;
    }
}
