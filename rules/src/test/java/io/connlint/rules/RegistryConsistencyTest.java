package io.connlint.rules;

import io.connlint.core.engine.LintRule;
import io.connlint.core.engine.Rule;
import io.connlint.core.engine.RuleDocs;
import io.connlint.core.engine.RuleInfo;
import io.connlint.core.engine.RuleRegistry;
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
            RuleInfo info = rule.info();
            var doc = RuleDocs.sideCar(rule);
            if (doc.isEmpty()) {
                problems.add(info.code() + ": no " + rule.getClass().getSimpleName() + ".md beside the class");
                continue;
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
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
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
