package io.connlint.core.read.spring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringKeysTest {

    @Test
    void relaxedFormsAreOneKey() {
        String canonical = "spring.datasource.hikari.maximumpoolsize";
        for (String key : new String[] {"spring.datasource.hikari.maximum-pool-size",
                "spring.datasource.hikari.maximumPoolSize", "spring.datasource.hikari.maximum_pool_size",
                "SPRING.DATASOURCE.HIKARI.MAXIMUMPOOLSIZE", "spring.data-source.hikari.maximum-pool-size"}) {
            assertEquals(canonical, SpringKeys.canonical(key), key);
        }
        assertEquals(canonical, SpringKeys.fromEnvironment("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE"));
    }

    @Test
    void keepsIndexedElements() {
        assertEquals("spring.datasource.hikari.datasourceproperties[cachePrepStmts]",
                SpringKeys.canonical("spring.datasource.hikari.dataSourceProperties[cachePrepStmts]"));
        assertEquals("a.b[0].c", SpringKeys.canonical("a.b[0].c"));
        assertTrue(SpringKeys.isUnder("a.b[0].c", "a.b"));
        assertTrue(!SpringKeys.isUnder("a.bc", "a.b"));
    }
}
