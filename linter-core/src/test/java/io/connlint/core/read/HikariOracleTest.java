package io.connlint.core.read;

import com.zaxxer.hikari.HikariConfig;
import io.connlint.core.model.Setting;
import io.connlint.core.read.hikari.HikariPropertiesReader;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real HikariCP (the version connlint models, 7.1.0) is the oracle: for the same properties,
 * {@code new HikariConfig(props)} + {@code validate()} must run with the values connlint computes,
 * and must refuse to start exactly where connlint says it does.
 */
class HikariOracleTest {

    private static final List<String> NUMERIC = List.of("maximumPoolSize", "minimumIdle", "maxLifetime",
            "idleTimeout", "keepaliveTime", "connectionTimeout", "validationTimeout", "leakDetectionThreshold");

    @Test
    void agreesWithHikariCpOnAGeneratedFamilyOfInputs() throws Exception {
        Random random = new Random(20261123L);
        String[][] values = {
                {"maximumPoolSize", null, "0", "1", "5", "20"},
                {"minimumIdle", null, "-1", "0", "5", "50"},
                {"maxLifetime", null, "0", "20000", "30000", "60000", "120000", "1800000", "25m"},
                {"keepaliveTime", null, "0", "10000", "30000", "60000", "600000"},
                {"idleTimeout", null, "-5", "0", "5000", "10000", "300000", "1800000"},
                {"connectionTimeout", null, "0", "100", "250", "3000", "30s"},
                {"validationTimeout", null, "100", "250", "1000"},
                {"leakDetectionThreshold", null, "1000", "2000", "60000", "4000000"},
        };
        int agreed = 0;
        int refused = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder text = new StringBuilder("jdbcUrl=jdbc:mysql://db/app\n");
            for (String[] v : values) {
                String pick = v[1 + random.nextInt(v.length - 1)];
                if (pick != null) {
                    text.append(v[0]).append('=').append(pick).append('\n');
                }
            }
            if (compare(text.toString())) {
                agreed++;
            } else {
                refused++;
            }
        }
        assertTrue(agreed > 500 && refused > 500, "the family must cover both outcomes: " + agreed + "/" + refused);
    }

    @Test
    void agreesWithHikariCpOnTheCorpus() throws Exception {
        int files = 0;
        try (Stream<Path> paths = Files.list(Corpus.realworld("hikari"))) {
            for (Path p : paths.sorted().toList()) {
                String text = Files.readString(p);
                // the pool needs a URL or a data source to validate; files that set neither get one
                if (!text.contains("jdbcUrl") && !text.contains("dataSourceClassName")) {
                    text = text + "\njdbcUrl=jdbc:mysql://db/x\n";
                }
                compare(text);
                files++;
            }
        }
        assertEquals(5, files);
    }

    /** True when both accept the input (and agree on every value); false when both refuse it. */
    private static boolean compare(String text) throws Exception {
        HikariPropertiesReader.Result ours = HikariPropertiesReader.read(new TextFile("t.properties", text));
        List<String> refusals = new ArrayList<>();
        ours.rejected().forEach(r -> refusals.add(r.key() + "=" + r.value() + ": " + r.why()));
        Properties props = new Properties();
        props.load(new StringReader(text));
        HikariConfig real;
        try {
            real = new HikariConfig(props);
            real.validate();
        } catch (RuntimeException e) {
            assertFalse(refusals.isEmpty(), "HikariCP refuses (" + e.getMessage() + ") but connlint accepts:\n" + text);
            return false;
        }
        assertTrue(refusals.isEmpty(), "connlint says HikariCP refuses " + refusals + ", but it starts:\n" + text);
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("maximumPoolSize", (long) real.getMaximumPoolSize());
        expected.put("minimumIdle", (long) real.getMinimumIdle());
        expected.put("maxLifetime", real.getMaxLifetime());
        expected.put("idleTimeout", real.getIdleTimeout());
        expected.put("keepaliveTime", real.getKeepaliveTime());
        expected.put("connectionTimeout", real.getConnectionTimeout());
        expected.put("validationTimeout", real.getValidationTimeout());
        expected.put("leakDetectionThreshold", real.getLeakDetectionThreshold());
        Map<String, Long> actual = new LinkedHashMap<>();
        for (String name : NUMERIC) {
            Setting<?> s = ours.settings().get(name);
            actual.put(name, (Long) s.effective());
        }
        assertEquals(expected, actual, "effective values for:\n" + text);
        return true;
    }
}
