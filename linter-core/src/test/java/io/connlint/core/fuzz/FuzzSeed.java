package io.connlint.core.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The seed of every fuzz property: {@code connlint.fuzz.seed} (pom), so that {@code mvn verify} — the
 * build that gates a change — runs the same cases every time and fails only when the code changed.
 * The {@code fuzz} profile sets it to {@code random}, and each run explores new cases; jqwik prints the
 * seed of a failure, which reproduces it with {@code -Dconnlint.fuzz.seed=<seed>}.
 */
public final class FuzzSeed implements AroundPropertyHook {

    static final String PROPERTY = "connlint.fuzz.seed";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty(PROPERTY, "random").trim();
        if (!seed.isEmpty() && !seed.equals("random")) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }
}
