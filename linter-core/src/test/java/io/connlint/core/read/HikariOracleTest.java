package io.connlint.core.read;

import io.connlint.core.model.Setting;
import io.connlint.core.pool.HikariPropertiesFile;
import io.connlint.core.read.hikari.HikariVersion;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real HikariCP is the oracle, at several releases: the latest (7.1.0, on the test classpath)
 * and the older jars Maven copies into {@code target/hikari-oracle} (5.1.0, 6.2.0, 6.2.1), each
 * loaded in a class loader of its own. For the same properties, {@code new HikariConfig(props)} +
 * {@code validate()} must run with the values connlint computes for that release, and must refuse to
 * start exactly where connlint says it does (CL402).
 */
class HikariOracleTest {

    private static final List<String> NUMERIC = List.of("maximumPoolSize", "minimumIdle", "maxLifetime",
            "idleTimeout", "keepaliveTime", "connectionTimeout", "validationTimeout", "leakDetectionThreshold");
    private static final Pattern JAR = Pattern.compile("HikariCP-(\\d+\\.\\d+\\.\\d+)\\.jar");

    /** One HikariCP release: its HikariConfig class. */
    private record Release(HikariVersion version, Class<?> config) {
    }

    private static final List<Release> RELEASES = new ArrayList<>();
    private static final List<URLClassLoader> LOADERS = new ArrayList<>();

    @BeforeAll
    static void loadReleases() throws Exception {
        Class<?> latest = Class.forName("com.zaxxer.hikari.HikariConfig");
        RELEASES.add(new Release(versionOf(latest), latest));
        URL slf4j = Class.forName("org.slf4j.LoggerFactory").getProtectionDomain().getCodeSource().getLocation();
        Path dir = Path.of("target", "hikari-oracle");
        assertTrue(Files.isDirectory(dir), "the older HikariCP jars are copied by the build into " + dir.toAbsolutePath());
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.sorted().toList()) {
                Matcher m = JAR.matcher(jar.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                // the platform loader as parent: the latest HikariCP on the test classpath stays invisible
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), slf4j},
                        ClassLoader.getPlatformClassLoader());
                LOADERS.add(loader);
                Class<?> config = loader.loadClass("com.zaxxer.hikari.HikariConfig");
                HikariVersion version = HikariVersion.parse(m.group(1)).orElseThrow();
                assertEquals(version, versionOf(config), "the jar's own version");
                RELEASES.add(new Release(version, config));
            }
        }
        assertTrue(RELEASES.size() >= 4, "the latest and three older releases: " + RELEASES);
    }

    @AfterAll
    static void closeLoaders() throws IOException {
        for (URLClassLoader loader : LOADERS) {
            loader.close();
        }
    }

    private static HikariVersion versionOf(Class<?> config) {
        String v = config.getPackage().getImplementationVersion();
        if (v == null) {
            // no manifest version: the jar's location names it
            Matcher m = Pattern.compile("HikariCP-(\\d+\\.\\d+\\.\\d+)").matcher(
                    config.getProtectionDomain().getCodeSource().getLocation().toString());
            v = m.find() ? m.group(1) : "";
        }
        return HikariVersion.parse(v).orElseThrow(() -> new AssertionError("no version for " + config));
    }

    @Test
    void agreesWithEveryReleaseOnAGeneratedFamilyOfInputs() throws Exception {
        String[][] values = {
                {"maximumPoolSize", null, "0", "1", "5", "20"},
                {"minimumIdle", null, "-1", "0", "5", "50"},
                {"maxLifetime", null, "0", "20000", "30000", "60000", "100000", "120000", "1800000", "25m"},
                {"keepaliveTime", null, "0", "10000", "30000", "60000", "600000"},
                {"idleTimeout", null, "-5", "0", "5000", "10000", "300000", "1800000"},
                {"connectionTimeout", null, "0", "100", "250", "3000", "30s"},
                {"validationTimeout", null, "100", "250", "1000"},
                {"leakDetectionThreshold", null, "1000", "2000", "60000", "4000000"},
        };
        Map<HikariVersion, int[]> outcomes = new LinkedHashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (Release release : RELEASES) {
            Random random = new Random(20261123L);
            int[] counts = new int[2];
            for (int i = 0; i < 4000; i++) {
                StringBuilder text = new StringBuilder("jdbcUrl=jdbc:mysql://db/app\n");
                for (String[] v : values) {
                    String pick = v[1 + random.nextInt(v.length - 1)];
                    if (pick != null) {
                        text.append(v[0]).append('=').append(pick).append('\n');
                    }
                }
                compare(release, text.toString(), counts, disagreements);
            }
            outcomes.put(release.version(), counts);
        }
        int cases = outcomes.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        StringBuilder summary = new StringBuilder("HikariCP oracle: " + cases + " cases, " + disagreements.size()
                + " disagreements;");
        outcomes.forEach((v, c) -> summary.append(' ').append(v).append(": ").append(c[0]).append(" start, ")
                .append(c[1]).append(" refuse;"));
        System.out.println(summary);
        assertEquals(List.of(), disagreements.stream().limit(5).toList(), summary.toString());
        for (int[] c : outcomes.values()) {
            assertTrue(c[0] > 500 && c[1] > 500, "the family must cover both outcomes: " + summary);
        }
    }

    @Test
    void theReleasesReallyDifferWhereConnlintSaysTheyDo() throws Exception {
        Map<HikariVersion, Long> keepalive = new LinkedHashMap<>();
        for (Release release : RELEASES) {
            Object config = newConfig(release, "jdbcUrl=jdbc:mysql://db/app\n");
            release.config().getMethod("validate").invoke(config);
            keepalive.put(release.version(), (Long) release.config().getMethod("getKeepaliveTime").invoke(config));
        }
        for (Map.Entry<HikariVersion, Long> e : keepalive.entrySet()) {
            assertEquals(e.getKey().keepaliveDefault(), e.getValue(), "keepaliveTime default of " + e.getKey());
        }
        assertTrue(keepalive.containsValue(0L) && keepalive.containsValue(120_000L), keepalive.toString());
    }

    @Test
    void agreesWithEveryReleaseOnTheCorpus() throws Exception {
        int files = 0;
        List<String> disagreements = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Corpus.realworld("hikari"))) {
            for (Path p : paths.sorted().toList()) {
                String text = Files.readString(p);
                // the pool needs a URL or a data source to validate; files that set neither get one
                if (!text.contains("jdbcUrl") && !text.contains("dataSourceClassName")) {
                    text = text + "\njdbcUrl=jdbc:mysql://db/x\n";
                }
                for (Release release : RELEASES) {
                    compare(release, text, new int[2], disagreements);
                }
                files++;
            }
        }
        assertEquals(5, files);
        assertEquals(List.of(), disagreements);
    }

    private static Object newConfig(Release release, String text) throws Exception {
        Properties props = new Properties();
        props.load(new StringReader(text));
        Constructor<?> constructor = release.config().getConstructor(Properties.class);
        return constructor.newInstance(props);
    }

    /** Runs one input on one release; counts [started, refused]; adds a line per disagreement. */
    private static void compare(Release release, String text, int[] counts, List<String> disagreements)
            throws Exception {
        HikariPropertiesFile.Result ours = HikariPropertiesFile.read(new TextFile("t.properties", text),
                release.version());
        List<String> refusals = new ArrayList<>();
        ours.rejected().forEach(r -> refusals.add(r.key() + "=" + r.value() + ": " + r.why()));
        Object real;
        try {
            real = newConfig(release, text);
            release.config().getMethod("validate").invoke(real);
        } catch (InvocationTargetException e) {
            counts[1]++;
            if (refusals.isEmpty()) {
                disagreements.add(release.version() + ": HikariCP refuses (" + e.getCause() + ") but connlint accepts: "
                        + text.replace('\n', ' '));
            }
            return;
        }
        counts[0]++;
        if (!refusals.isEmpty()) {
            disagreements.add(release.version() + ": connlint says HikariCP refuses " + refusals + ", but it starts: "
                    + text.replace('\n', ' '));
            return;
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, Long> actual = new LinkedHashMap<>();
        for (String name : NUMERIC) {
            Method getter = release.config().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            expected.put(name, ((Number) getter.invoke(real)).longValue());
            Setting<?> s = ours.settings().get(name);
            actual.put(name, (Long) s.effective());
        }
        if (!expected.equals(actual)) {
            disagreements.add(release.version() + ": HikariCP runs " + expected + ", connlint says " + actual + " for: "
                    + text.replace('\n', ' '));
        }
    }
}
