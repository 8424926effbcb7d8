package io.connlint.core.pool;

import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every registered library must give the stages that use it. */
class PoolLibrariesTest {

    @Test
    void namesAndKindsAreUnique() {
        Set<String> names = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (PoolLibrary library : PoolLibraries.all()) {
            assertTrue(names.add(library.name()), "two libraries named " + library.name());
            assertTrue(!library.kinds().isEmpty(), library.name() + " opens no kind of pool");
            for (PoolKind kind : library.kinds()) {
                assertTrue(kinds.add(kind.id()), "two libraries open " + kind.id());
                assertEquals(Optional.of(library), PoolLibraries.of(kind));
                assertEquals(library.name(), kind.library(), "messages name the library as its kind does");
            }
        }
    }

    @Test
    void everyLibraryHasAMaximumAndEachConceptOnce() {
        for (PoolLibrary library : PoolLibraries.all()) {
            List<PoolConcept> concepts = library.keys().stream().flatMap(k -> k.concept().stream()).toList();
            assertEquals(concepts.size(), new HashSet<>(concepts).size(), library.name() + ": a concept twice");
            assertTrue(concepts.contains(PoolConcept.MAX_CONNECTIONS), library.name() + " has no maximum");
            List<String> keys = library.keys().stream().map(PoolKey::modelKey).toList();
            assertEquals(keys.size(), new HashSet<>(keys).size(), library.name() + ": a model key twice");
        }
    }

    @Test
    void springBootHasOneDefaultAndEachPrefixAndTypeOnce() {
        assertEquals(HikariCp.INSTANCE, PoolLibraries.springDefault());
        assertEquals(1, PoolLibraries.spring().stream().filter(l -> l.spring().orElseThrow().isDefault()).count());
        Set<String> prefixes = new HashSet<>();
        for (PoolLibrary library : PoolLibraries.spring()) {
            SpringBinding binding = library.spring().orElseThrow();
            assertTrue(prefixes.add(binding.prefix()), binding.prefix());
            assertTrue(library.kinds().contains(binding.kind()), library.name());
            for (PoolKey key : library.keys()) {
                assertTrue(binding.properties().contains(key.name()), library.name() + " binds no " + key.name());
            }
        }
    }

    @Test
    void theTypeSelectsTheLibrary() {
        assertTrue(HikariCp.INSTANCE.spring().orElseThrow().binds("com.zaxxer.hikari.HikariDataSource"));
        assertTrue(TomcatJdbc.INSTANCE.spring().orElseThrow().binds("org.apache.tomcat.jdbc.pool.DataSource"));
        assertTrue(Dbcp2.INSTANCE.spring().orElseThrow().binds("org.apache.commons.dbcp2.BasicDataSource"));
        assertTrue(PoolLibraries.spring().stream().noneMatch(l -> l.spring().orElseThrow()
                .binds("com.alibaba.druid.pool.DruidDataSource")));
    }
}
