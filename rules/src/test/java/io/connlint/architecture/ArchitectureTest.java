package io.connlint.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes of the core and the
 * rules: data flows one way, and each stage knows only what it must.
 */
class ArchitectureTest {

    /**
     * Main classes only: test classes come from test-classes folders and, in a full build, from the
     * core's test jar on this module's class path (which the predefined option does not recognise).
     */
    static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/")
            && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));

    private static final JavaClasses CONNLINT = new ClassFileImporter()
            .withImportOption(MAIN_CLASSES_ONLY)
            .importPackages("io.connlint.core", "io.connlint.rules");

    /** What any package may use: the JDK, the parsing libraries, and connlint's text helpers. */
    static final String[] JDK_AND_LIBRARIES = {"java..", "javax..", "org.yaml.snakeyaml..",
            "com.fasterxml.jackson..", "io.connlint.core.text.."};

    /** No two packages of connlint depend on each other, however indirectly. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.connlint.(**)").should().beFreeOfCycles();

    /** The model is the vocabulary of every stage and depends on none of them. */
    static final ArchRule MODEL_DEPENDS_ON_NOTHING = onlyOn("io.connlint.core.model..",
            "io.connlint.core.model..");

    /** Text helpers ("did you mean") serve every stage and know none. */
    static final ArchRule TEXT_HELPERS_DEPEND_ON_NOTHING = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .classes().that().resideInAPackage("io.connlint.core.text..").should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.connlint.core.text..");

    /** Readers turn text into positioned facts; they know the model and how to read, nothing else. */
    static final ArchRule READERS_KNOW_THE_MODEL_ONLY = onlyOn("io.connlint.core.read..",
            "io.connlint.core.read..", "io.connlint.core.model..");

    /** Rules see the model through the rule API, never a reader or the loader. */
    static final ArchRule RULES_KNOW_THE_MODEL_AND_THE_RULE_API = onlyOn("io.connlint.rules..",
            "io.connlint.rules..", "io.connlint.core.model..", "io.connlint.core.rule..",
            "io.connlint.core.finding..");

    /** Reporters render findings over the model; they compute and read nothing. */
    static final ArchRule REPORTERS_KNOW_THE_MODEL_AND_FINDINGS = onlyOn("io.connlint.core.report..",
            "io.connlint.core.report..", "io.connlint.core.model..", "io.connlint.core.finding..");

    /** The core serves both front ends and imports neither. */
    static final ArchRule CORE_IMPORTS_NO_FRONT_END = noClasses().that().resideInAPackage("io.connlint.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "picocli..", "io.connlint.cli..",
                    "io.connlint.maven..");

    private static ArchRule onlyOn(String layer, String... allowed) {
        String[] all = new String[allowed.length + JDK_AND_LIBRARIES.length];
        System.arraycopy(allowed, 0, all, 0, allowed.length);
        System.arraycopy(JDK_AND_LIBRARIES, 0, all, allowed.length, JDK_AND_LIBRARIES.length);
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(layer)
                .should().onlyDependOnClassesThat().resideInAnyPackage(all);
    }

    @Test
    void packagesFormNoCycle() {
        NO_PACKAGE_CYCLES.check(CONNLINT);
    }

    @Test
    void theModelDependsOnNothing() {
        MODEL_DEPENDS_ON_NOTHING.check(CONNLINT);
    }

    @Test
    void textHelpersDependOnNothing() {
        TEXT_HELPERS_DEPEND_ON_NOTHING.check(CONNLINT);
    }

    @Test
    void readersDependOnlyOnTheModelAndReadInfrastructure() {
        READERS_KNOW_THE_MODEL_ONLY.check(CONNLINT);
    }

    @Test
    void rulesDependOnlyOnTheModelAndTheRuleApi() {
        RULES_KNOW_THE_MODEL_AND_THE_RULE_API.check(CONNLINT);
    }

    @Test
    void reportersDependOnlyOnTheModelAndFindings() {
        REPORTERS_KNOW_THE_MODEL_AND_FINDINGS.check(CONNLINT);
    }

    @Test
    void theCoreImportsNeitherMavenNorPicocli() {
        CORE_IMPORTS_NO_FRONT_END.check(CONNLINT);
    }

    /** Test classes, from a folder or the core's test jar, are not part of the house. */
    @Test
    void onlyMainClassesAreChecked() {
        assertTrue(CONNLINT.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
                "a test class was imported");
        assertTrue(CONNLINT.contain("io.connlint.core.engine.ProjectLoader"), "the core's main classes are imported");
    }

    /** The rules can fail: each is evaluated on classes planted to break it (test sources under a {@code planted} package). */
    @Test
    void eachRuleCatchesAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importPackages("io.connlint.core.model.planted",
                "io.connlint.core.read.planted", "io.connlint.core.report.planted", "io.connlint.rules.planted",
                "io.connlint.core.planted", "io.connlint.core.text.planted");
        assertViolated(NO_PACKAGE_CYCLES, planted);
        assertViolated(MODEL_DEPENDS_ON_NOTHING, planted);
        assertViolated(TEXT_HELPERS_DEPEND_ON_NOTHING, planted);
        assertViolated(READERS_KNOW_THE_MODEL_ONLY, planted);
        assertViolated(RULES_KNOW_THE_MODEL_AND_THE_RULE_API, planted);
        assertViolated(REPORTERS_KNOW_THE_MODEL_AND_FINDINGS, planted);
        assertViolated(CORE_IMPORTS_NO_FRONT_END, planted);
    }

    private static void assertViolated(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), "planted violation not caught by: " + rule.getDescription());
    }
}
