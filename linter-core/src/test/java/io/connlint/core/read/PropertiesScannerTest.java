package io.connlint.core.read;

import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** java.util.Properties is the oracle for what the scanner reads; positions are checked by hand. */
class PropertiesScannerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "a=1\nb = 2\nc:3\nd 4\n",
            "# comment\n! also a comment\n  key  =  value with spaces  \n",
            "multi=first \\\n    second \\\n  third\nnext=1",
            "escaped\\=key=v\\tw\\u0041\\\\\n",
            "crlf=1\r\nother=2\r\n",
            "cr=1\rother=2\r",
            "empty=\nbare\n  \n\t\n",
            "dup=1\ndup=2\n",
            "trailing=10 \n",
            "odd=\\\\\\\nwrapped\n",
            "key\\ with\\ spaces=v\n",
            "last=no newline",
            "colon\\:key:value:with:colons\n",
    })
    void readsWhatPropertiesLoadReads(String text) throws Exception {
        Properties oracle = new Properties();
        oracle.load(new StringReader(text));
        Map<String, String> scanned = new LinkedHashMap<>();
        for (PropertiesScanner.Entry e : PropertiesScanner.scan(new TextFile("t.properties", text))) {
            scanned.put(e.key(), e.value());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        oracle.stringPropertyNames().forEach(k -> expected.put(k, oracle.getProperty(k)));
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(scanned));
    }

    @Test
    void refusesAMalformedUnicodeEscapeLikePropertiesLoad() {
        String text = "ok=1\n  bad=\\u12g4\n";
        assertThrows(IllegalArgumentException.class, () -> new Properties().load(new StringReader(text)));
        TextFile.Unreadable e = assertThrows(TextFile.Unreadable.class,
                () -> PropertiesScanner.scan(new TextFile("m.properties", text)));
        assertEquals("m.properties:2:3", e.problem().at().toString());
    }

    @Test
    void keepsWhereEachKeyStarts() throws Exception {
        String text = "# header\n\nfirst=1\n   second = 2\nthird=a \\\n  b\nfourth=4\n";
        List<PropertiesScanner.Entry> entries = PropertiesScanner.scan(new TextFile("f.properties", text));
        assertEquals("f.properties:3:1", entries.get(0).at().toString());
        assertEquals("f.properties:4:4", entries.get(1).at().toString());
        assertEquals("f.properties:5:1", entries.get(2).at().toString());
        assertEquals("a b", entries.get(2).value());
        assertEquals("f.properties:7:1", entries.get(3).at().toString());
    }

    @Test
    void agreesWithPropertiesOnEveryCorpusFile() throws Exception {
        int files = 0;
        for (String sub : List.of("hikari", "spring")) {
            try (Stream<Path> paths = Files.list(Corpus.realworld(sub))) {
                for (Path p : paths.filter(f -> f.toString().endsWith(".properties")).toList()) {
                    String text = Files.readString(p);
                    Properties oracle = new Properties();
                    oracle.load(new StringReader(text));
                    Map<String, String> scanned = new java.util.TreeMap<>();
                    PropertiesScanner.scan(new TextFile(p.getFileName().toString(), text))
                            .forEach(e -> scanned.put(e.key(), e.value()));
                    Map<String, String> expected = new java.util.TreeMap<>();
                    oracle.stringPropertyNames().forEach(k -> expected.put(k, oracle.getProperty(k)));
                    assertEquals(expected, scanned, p.toString());
                    files++;
                }
            }
        }
        assertFalse(files < 5, "expected the corpus's properties files, read " + files);
    }
}
