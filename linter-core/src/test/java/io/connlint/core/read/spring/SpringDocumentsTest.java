package io.connlint.core.read.spring;

import io.connlint.core.read.TextFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpringDocumentsTest {

    @Test
    void splitsPropertiesDocumentsAndKeepsLines() throws Exception {
        String text = "a=1\n#---\nspring.config.activate.on-profile=prod\nb=2\n #---\n!---\nc=3\n";
        List<SpringDocuments.Document> docs = SpringDocuments.read(new TextFile("application.properties", text));
        assertEquals(3, docs.size(), "' #---' with leading space is a comment, not a separator");
        assertEquals("application.properties:4:1", docs.get(1).get("b").orElseThrow().at().toString());
        assertEquals("prod", docs.get(1).get(SpringDocuments.ON_PROFILE).orElseThrow().value());
        assertEquals("application.properties:7:1", docs.get(2).get("c").orElseThrow().at().toString());
    }

    @Test
    void flattensYamlWithPositions() throws Exception {
        String text = "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 30\n    url: ~\nlist: [a, b]\n"
                + "---\nspring.datasource.hikari.minimum-idle: 2\n";
        List<SpringDocuments.Document> docs = SpringDocuments.read(new TextFile("application.yml", text));
        assertEquals(2, docs.size());
        SpringDocuments.Prop max = docs.get(0).get("spring.datasource.hikari.maximumpoolsize").orElseThrow();
        assertEquals("30", max.value());
        assertEquals("application.yml:4:26", max.at().toString());
        assertEquals("", docs.get(0).get("spring.datasource.url").orElseThrow().value());
        assertEquals("b", docs.get(0).get("list[1]").orElseThrow().value());
        assertEquals("2", docs.get(1).get("spring.datasource.hikari.minimumidle").orElseThrow().value());
    }
}
