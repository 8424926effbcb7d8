package io.connlint.core.read.spring;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.model.ClientPool;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What Spring Boot 3.5.7 (with HikariCP 7.1.0) does with the inputs connlint's Spring reader must
 * model, run through {@link SpringOracle}: the facts connlint's rules rest on. Each fact is also a
 * project (its files and a connlint.yml naming the first) on which connlint must agree with Spring
 * Boot, as in {@link SpringBinderOracleTest}.
 */
class SpringBootFactsTest {

    private static final String MAX = ClientPool.MAXIMUM_POOL_SIZE;
    private static final String YML = "application.yml";
    private static final String PROPERTIES = "application.properties";
    private static final String HIKARI = "spring.datasource.hikari.";

    @TempDir
    Path temp;

    private int dirs;

    /** How the binder turns text into a pool number. */
    @TestFactory
    Stream<DynamicNode> values() {
        return Stream.of(
                yml("a word fails to start", "maximum-pool-size: ten").refuses("for value [ten]"),
                yml("an empty value fails to start", "maximum-pool-size:")
                        .refuses("A null value cannot be assigned to a primitive type"),
                props("an empty value fails to start", "maximum-pool-size=")
                        .refuses("A null value cannot be assigned to a primitive type"),
                yml("YAML ~ fails to start", "maximum-pool-size: ~")
                        .refuses("A null value cannot be assigned to a primitive type"),
                yml("a YAML boolean fails to start", "maximum-pool-size: yes")
                        .refuses("No converter found capable of converting from type [java.lang.Boolean]"),
                yml("Duration syntax fails to start: HikariCP's setters take long ms", "max-lifetime: 30s")
                        .refuses("to type [long] for value [30s]"),
                yml("a value past int fails to start", "maximum-pool-size: 3000000000").refuses("overflow"),
                yml("HikariCP's setter refuses a connection-timeout below 250", "connection-timeout: 100")
                        .refuses("connectionTimeout cannot be less than 250ms"),
                yml("HikariCP's setter refuses a pool of 0", "maximum-pool-size: 0")
                        .refuses("maxPoolSize cannot be less than 1"),
                yml("YAML hex", "maximum-pool-size: 0x19").runs(MAX, 25L),
                yml("YAML 1.1 octal", "maximum-pool-size: 025").runs(MAX, 21L),
                yml("YAML 1.1 base 60", "maximum-pool-size: 1:30").runs(MAX, 90L),
                yml("YAML underscores", "maximum-pool-size: 1_000").runs(MAX, 1000L),
                yml("a YAML float is truncated", "maximum-pool-size: 25.9").runs(MAX, 25L),
                yml("a YAML exponent", "max-lifetime: 1e6").runs("maxLifetime", 1000000L),
                yml("a quoted YAML string is parsed as text is", "maximum-pool-size: ' 0x19 '").runs(MAX, 25L),
                props("properties: 0x is hex", "maximum-pool-size=0x19").runs(MAX, 25L),
                props("properties: # is hex too", "maximum-pool-size=#25").runs(MAX, 37L),
                props("properties: a leading zero is decimal", "maximum-pool-size=025").runs(MAX, 25L),
                props("properties: a sign is accepted", "maximum-pool-size=+25").runs(MAX, 25L),
                props("properties: spaces are trimmed", "maximum-pool-size= 25 \\u0020").runs(MAX, 25L),
                props("properties: no decimals", "maximum-pool-size=25.0").refuses("for value [25.0]"),
                props("properties: no underscores", "maximum-pool-size=1_000").refuses("for value [1_000]"),
                props("properties: no exponent", "max-lifetime=1e6").refuses("for value [1e6]"),
                yml("an unknown hikari key is ignored", "max-pool-size: 25").runs(MAX, 10L),
                new Fact("a pool key directly under spring.datasource is ignored")
                        .file(YML, "spring.datasource.maximum-pool-size: 25\n").runs(MAX, 10L),
                yml("minimum-idle above the maximum is clamped by HikariCP", "maximum-pool-size: 5",
                        "minimum-idle: 50").runs("minimumIdle", 5L));
    }

    /** Relaxed names, duplicates, and the environment. */
    @TestFactory
    Stream<DynamicNode> keys() {
        return Stream.of(
                new Fact("an upper-case properties key binds")
                        .file(PROPERTIES, "SPRING.DATASOURCE.HIKARI.MAXIMUMPOOLSIZE=24\n").runs(MAX, 24L),
                new Fact("any case and - or _ inside an element binds")
                        .file(PROPERTIES, "Spring.DataSource.Hikari.Maximum_Pool-Size=24\n").runs(MAX, 24L),
                props("the canonical kebab key beats camelCase, wherever it stands", "maximum-pool-size=5",
                        "maximumPoolSize=7").runs(MAX, 5L),
                props("the canonical kebab key beats camelCase, wherever it stands", "maximumPoolSize=7",
                        "maximum-pool-size=5").runs(MAX, 5L),
                yml("the canonical kebab key beats camelCase in YAML too", "maximumPoolSize: 7",
                        "maximum-pool-size: 5").runs(MAX, 5L),
                yml("the same YAML key twice fails to start", "maximum-pool-size: 5", "maximum-pool-size: 7")
                        .refuses("found duplicate key spring.datasource.hikari.maximum-pool-size"),
                new Fact("a dotted YAML key and the same key nested: the later one wins")
                        .file(YML, "spring.datasource.hikari.maximum-pool-size: 5\n"
                                + "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 7\n").runs(MAX, 7L),
                new Fact("a nested YAML key and the same key dotted: the later one wins")
                        .file(YML, "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 7\n"
                                + "spring.datasource.hikari.maximum-pool-size: 5\n").runs(MAX, 5L),
                yml("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE overrides the file", "maximum-pool-size: 5")
                        .env("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "40").runs(MAX, 40L),
                yml("the legacy SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE overrides the file", "maximum-pool-size: 5")
                        .env("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "41").runs(MAX, 41L),
                yml("a variable named like the property overrides the file", "maximum-pool-size: 5")
                        .env("spring.datasource.hikari.maximum-pool-size", "42").runs(MAX, 42L),
                yml("a lower-case variable overrides the file", "maximum-pool-size: 5")
                        .env("spring_datasource_hikari_maximumpoolsize", "43").runs(MAX, 43L));
    }

    /** ${…} placeholders. */
    @TestFactory
    Stream<DynamicNode> placeholders() {
        return Stream.of(
                yml("an undefined ${DB_POOL} fails to start: the binder leaves the text",
                        "maximum-pool-size: ${DB_POOL}")
                        .refuses("for value [${DB_POOL}]"),
                yml("an empty default is no value", "maximum-pool-size: ${DB_POOL:}")
                        .refuses("A null value cannot be assigned to a primitive type"),
                yml("a default is text, not YAML: 025 is 25", "maximum-pool-size: ${DB_POOL:025}").runs(MAX, 25L),
                yml("a variable beats the default", "maximum-pool-size: ${DB_POOL:10}").env("DB_POOL", "25")
                        .runs(MAX, 25L),
                yml("a variable's name is matched exactly", "maximum-pool-size: ${DB_POOL}").env("db_pool", "13")
                        .refuses("for value [${DB_POOL}]"),
                yml("${db.pool} finds DB_POOL, as a property name does", "maximum-pool-size: ${db.pool}")
                        .env("DB_POOL", "13").runs(MAX, 13L),
                new Fact("${app.pool-size} finds app.poolSize")
                        .file(YML, "app.poolSize: 12\n" + HIKARI + "maximum-pool-size: ${app.pool-size}\n")
                        .runs(MAX, 12L),
                new Fact("${app.poolSize} does not find app.pool-size: placeholders take the canonical form")
                        .file(YML, "app.pool-size: 12\n" + HIKARI + "maximum-pool-size: ${app.poolSize}\n")
                        .refuses("for value [${app.poolSize}]"),
                yml("${app.pool-size} finds APP_POOLSIZE", "maximum-pool-size: ${app.pool-size}")
                        .env("APP_POOLSIZE", "13").runs(MAX, 13L),
                yml("${app.pool-size} finds APP_POOL_SIZE", "maximum-pool-size: ${app.pool-size}")
                        .env("APP_POOL_SIZE", "14").runs(MAX, 14L),
                yml("a key that refers to itself fails to start",
                        "maximum-pool-size: ${spring.datasource.hikari.maximum-pool-size}")
                        .refuses("Circular placeholder reference"),
                new Fact("an undefined placeholder in the URL starts: the driver gets the text")
                        .file(YML, "spring.datasource.url: jdbc:mysql://${DB_HOST}/app\n")
                        .url("jdbc:mysql://${DB_HOST}/app"),
                new Fact("a default holding colons is all of the rest")
                        .file(YML, "spring.datasource.url: ${DB_URL:jdbc:mysql://h:3306/app}\n")
                        .url("jdbc:mysql://h:3306/app"),
                new Fact("\\${ escapes a placeholder").env("H", "db")
                        .file(YML, "spring.datasource.url: jdbc:mysql://\\${H}/app\n")
                        .url("jdbc:mysql://${H}/app"));
    }

    /** Profiles and multi-document files. */
    @TestFactory
    Stream<DynamicNode> profiles() {
        String base = HIKARI + "maximum-pool-size: 5\n---\n";
        return Stream.of(
                new Fact("legacy spring.profiles in a YAML document fails to start")
                        .file(YML, base + "spring.profiles: prod\n" + HIKARI + "maximum-pool-size: 6\n")
                        .refuses("Property 'spring.profiles' imported from location"),
                new Fact("legacy spring.profiles in .properties fails to start")
                        .file(PROPERTIES, "spring.profiles=prod\n")
                        .refuses("Property 'spring.profiles' imported from location"),
                new Fact("spring.profiles.active in a profile file fails to start").profiles("prod")
                        .file(YML, "a: 1\n").file("application-prod.yml", "spring.profiles.active: eu\n")
                        .refuses("is invalid in a profile specific resource"),
                new Fact("spring.profiles.include in a profile-gated document fails to start")
                        .file(YML, base + "spring.config.activate.on-profile: x\nspring.profiles.include: prod\n")
                        .refuses("cannot contain property 'spring.profiles.include'"),
                new Fact("spring.profiles.active in a document of an inactive profile still activates")
                        .file(YML, base + "spring.config.activate.on-profile: x\nspring.profiles.active: prod\n")
                        .file("application-prod.yml", HIKARI + "maximum-pool-size: 7\n").runs(MAX, 7L),
                new Fact("& and | need parentheses together").profiles("prod")
                        .file(YML, base + "spring.config.activate.on-profile: prod & eu | staging\n")
                        .refuses("Malformed profile expression [prod & eu | staging]"),
                new Fact("(prod & eu) | staging").profiles("prod", "eu")
                        .file(YML, base + "spring.config.activate.on-profile: (prod & eu) | staging\n"
                                + HIKARI + "maximum-pool-size: 6\n").runs(MAX, 6L),
                new Fact("a YAML list of profiles is any of them").profiles("staging")
                        .file(YML, base + "spring.config.activate.on-profile: [prod, staging]\n"
                                + HIKARI + "maximum-pool-size: 6\n").runs(MAX, 6L),
                new Fact("a comma-separated text of profiles is any of them").profiles("staging")
                        .file(YML, base + "spring.config.activate.on-profile: prod, staging\n"
                                + HIKARI + "maximum-pool-size: 6\n").runs(MAX, 6L),
                new Fact("!dev holds with no profile (the default profile is active)")
                        .file(YML, base + "spring.config.activate.on-profile: '!dev'\n" + HIKARI
                                + "maximum-pool-size: 6\n").runs(MAX, 6L),
                new Fact("on-profile default holds with no profile")
                        .file(YML, base + "spring.config.activate.on-profile: default\n" + HIKARI
                                + "maximum-pool-size: 6\n").runs(MAX, 6L),
                new Fact("application-default.yml is read with no profile")
                        .file(YML, "a: 1\n").file("application-default.yml", HIKARI + "maximum-pool-size: 6\n")
                        .runs(MAX, 6L),
                new Fact("application-default.yml is not read once a profile is active").profiles("prod")
                        .file(YML, "a: 1\n").file("application-default.yml", HIKARI + "maximum-pool-size: 6\n")
                        .runs(MAX, 10L),
                new Fact("on-profile may gate the first document").profiles("prod")
                        .file(YML, "spring.config.activate.on-profile: dev\n" + HIKARI + "maximum-pool-size: 6\n")
                        .runs(MAX, 10L),
                new Fact("without a separator, on-profile gates the whole .properties file")
                        .file(PROPERTIES, HIKARI + "maximum-pool-size=6\nspring.config.activate.on-profile=prod\n")
                        .runs(MAX, 10L),
                separator("#---", true),
                separator("!---", true),
                separator("#--- ", true),
                separator(" #---", false),
                separator("#----", false),
                new Fact("a later document wins")
                        .file(YML, base + HIKARI + "maximum-pool-size: 6\n").runs(MAX, 6L),
                new Fact("the last of several profiles wins").profiles("a", "b").file(YML, "x: 1\n")
                        .file("application-a.yml", HIKARI + "maximum-pool-size: 7\n")
                        .file("application-b.yml", HIKARI + "maximum-pool-size: 8\n").runs(MAX, 8L),
                new Fact("the last of several profiles wins, in the order given").profiles("b", "a").file(YML, "x: 1\n")
                        .file("application-a.yml", HIKARI + "maximum-pool-size: 7\n")
                        .file("application-b.yml", HIKARI + "maximum-pool-size: 8\n").runs(MAX, 7L),
                new Fact("--spring.profiles.active replaces the file's spring.profiles.active").profiles("prod")
                        .file(YML, "spring.profiles.active: dev\n")
                        .file("application-dev.yml", HIKARI + "maximum-pool-size: 2\n").runs(MAX, 10L),
                new Fact("spring.profiles.include adds a profile").profiles("prod")
                        .file(YML, "spring.profiles.include: eu\n")
                        .file("application-eu.yml", HIKARI + "maximum-pool-size: 7\n").runs(MAX, 7L),
                new Fact("spring.profiles.group expands a profile").profiles("prod")
                        .file(YML, "spring.profiles.group.prod: eu\n")
                        .file("application-eu.yml", HIKARI + "maximum-pool-size: 7\n").runs(MAX, 7L));
    }

    /** Which file of one location wins. */
    @TestFactory
    Stream<DynamicNode> locations() {
        return Stream.of(
                new Fact(".properties beats .yml").file(PROPERTIES, HIKARI + "maximum-pool-size=7\n")
                        .file(YML, HIKARI + "maximum-pool-size: 8\n").runs(MAX, 7L),
                new Fact(".yml beats .yaml").file("application.yaml", HIKARI + "maximum-pool-size: 7\n")
                        .file(YML, HIKARI + "maximum-pool-size: 8\n").runs(MAX, 8L),
                new Fact("a profile's .yml beats the base .properties").profiles("prod")
                        .file(PROPERTIES, HIKARI + "maximum-pool-size=7\n")
                        .file("application-prod.yml", HIKARI + "maximum-pool-size: 8\n").runs(MAX, 8L),
                new Fact("spring.datasource.hikari.jdbc-url beats spring.datasource.url")
                        .file(YML, "spring.datasource.url: jdbc:mysql://a/x\n"
                                + HIKARI + "jdbc-url: jdbc:mysql://b/y\n")
                        .url("jdbc:mysql://b/y"));
    }

    private DynamicNode separator(String line, boolean separates) {
        // the second document belongs to prod, which is not active: it counts only when separated
        return new Fact("'" + line + "' " + (separates ? "separates" : "does not separate") + " .properties documents")
                .file(PROPERTIES, HIKARI + "maximum-pool-size=5\n" + line + "\nspring.config.activate.on-profile=prod\n"
                        + HIKARI + "minimum-idle=2\n")
                .runs(MAX, separates ? 5L : 10L);
    }

    /** One line per hikari key, in application.yml. */
    private Fact yml(String name, String... hikariLines) {
        StringBuilder text = new StringBuilder();
        for (String line : hikariLines) {
            text.append(HIKARI).append(line).append('\n');
        }
        return new Fact("application.yml: " + name).file(YML, text.toString());
    }

    /** One line per hikari key, in application.properties. */
    private Fact props(String name, String... hikariLines) {
        StringBuilder text = new StringBuilder();
        for (String line : hikariLines) {
            text.append(HIKARI).append(line).append('\n');
        }
        return new Fact("application.properties: " + name).file(PROPERTIES, text.toString());
    }

    /** One input to Spring and what it must do with it. */
    private final class Fact {
        private final String name;
        private final Map<String, String> files = new LinkedHashMap<>();
        private final List<String> profiles = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();

        Fact(String name) {
            this.name = name;
        }

        Fact file(String fileName, String text) {
            files.put(fileName, text);
            return this;
        }

        Fact profiles(String... active) {
            profiles.addAll(List.of(active));
            return this;
        }

        Fact env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        DynamicNode runs(String setting, long value) {
            return check(spring -> assertEquals(value, spring.mainPool().settings().get(setting), setting));
        }

        DynamicNode url(String url) {
            return check(spring -> assertEquals(Optional.of(url), spring.mainPool().url()));
        }

        /** Spring Boot does not start, in words that contain {@code words}. */
        DynamicNode refuses(String words) {
            return both(dir -> {
                SpringOracle.Refused refused = assertThrows(SpringOracle.Refused.class,
                        () -> SpringOracle.start(dir, profiles, env).mainPool());
                assertTrue(refused.getMessage().contains(words), refused.getMessage());
            });
        }

        private DynamicNode check(Consumer<SpringOracle> assertion) {
            return both(dir -> assertion.accept(SpringOracle.start(dir, profiles, env)));
        }

        /** The fact about Spring, then connlint against Spring on the same project. */
        private DynamicNode both(Consumer<Path> spring) {
            Path dir = write();
            return dynamicContainer(name, Stream.of(
                    dynamicTest("Spring Boot", () -> spring.accept(dir)),
                    dynamicTest("connlint agrees with Spring Boot", () -> {
                        SpringBinderOracleTest.Project project = SpringBinderOracleTest.Project.read(dir);
                        SpringBinderOracleTest.assertConnlintAgrees(project,
                                SpringBinderOracleTest.spring(project, List.of(project.app())));
                    })));
        }

        /** The files and a connlint.yml naming the first of them, in a directory of their own. */
        private Path write() {
            try {
                Path dir = Files.createDirectory(temp.resolve("fact" + dirs++));
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Files.writeString(dir.resolve(f.getKey()), f.getValue());
                }
                Files.writeString(dir.resolve(LintRequest.CONFIG_FILE_NAME), SpringBinderOracleTest.connlintYml(
                        files.keySet().iterator().next(), profiles, env));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
