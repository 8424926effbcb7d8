package io.connlint.core.rule;

import io.connlint.core.finding.RuleInfo;
import io.connlint.core.finding.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The metadata of one rule. Every {@link Rule} class carries it; {@link RuleInfo} validates it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LintRule {

    /** The public code, {@code CL} and three digits. Never reused. */
    String code();

    /** The public name, kebab-case, naming the smell: {@code pool-budget-exceeded}. */
    String name();

    /** One line, no trailing period. */
    String summary();

    Severity severity();

    /** The options users may set in connlint.yml under {@code rules: <code>:}. */
    Option[] options() default {};

    /** One rule option: a whole number with a default. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Option {
        String name();

        long defaultValue();

        String description();
    }
}
