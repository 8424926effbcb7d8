package io.connlint.core.read.spring;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaceholdersTest {

    private final Map<String, String> values = Map.of("A", "1", "ref", "${A}0", "loop", "${loop}", "name", "A");
    private final Placeholders placeholders = new Placeholders(k -> Optional.ofNullable(values.get(k)));

    @Test
    void resolvesValuesDefaultsNestingAndReferences() {
        assertEquals("1", placeholders.resolve("${A}").value());
        assertEquals("10", placeholders.resolve("${B:10}").value());
        assertEquals("7", placeholders.resolve("${B:${C:7}}").value());
        assertEquals("jdbc:mysql://localhost/petclinic", placeholders.resolve("${URL:jdbc:mysql://localhost/petclinic}").value());
        assertEquals("10", placeholders.resolve("${ref}").value());
        assertEquals("x1y", placeholders.resolve("x${${name}}y").value());
        assertEquals("", placeholders.resolve("${B:}").value());
        assertEquals("plain", placeholders.resolve("plain").value());
    }

    @Test
    void namesWhatItCannotResolve() {
        Placeholders.Resolved r = placeholders.resolve("${DB_HOST}:${DB_PORT:3306}");
        assertEquals(List.of("DB_HOST"), r.unresolved());
        assertEquals("${DB_HOST}:3306", r.value());
        assertEquals(false, placeholders.resolve("${loop}").complete());
    }
}
