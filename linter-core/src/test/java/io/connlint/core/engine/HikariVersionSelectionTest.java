package io.connlint.core.engine;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which HikariCP an app runs decides its defaults: {@code hikariVersion} in connlint.yml, else the
 * build file's HikariCP or Spring Boot version, else the latest; {@code show} says which and why.
 */
class HikariVersionSelectionTest {

    @TempDir
    Path root;

    private static final String SERVER = "servers:\n  main: { engine: mysql-8.0 }\n";

    @Test
    void connlintYmlWins() throws IOException {
        write("orders/pom.xml", pom("<parent><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-parent</artifactId><version>3.5.7</version></parent>"));
        write("orders/src/main/resources/hikari.properties", "jdbcUrl=jdbc:mysql://db/orders\n");
        write("connlint.yml", SERVER + "apps:\n  orders:\n    config: [orders/src/main/resources/hikari.properties]\n"
                + "    instances: 1\n    hikariVersion: 6.2.0\n");
        ClientPool pool = only(load());
        assertEquals("6.2.0", pool.settings().get("hikariVersion").value());
        assertEquals("connlint.yml:7:20", pool.settings().get("hikariVersion").origin().describe());
        assertEquals(0L, pool.longSetting("keepaliveTime").orElseThrow().effective(), "keepalive off up to 6.2.0");
        assertEquals("engine default for HikariCP 6.2.0", pool.longSetting("keepaliveTime").orElseThrow().origin().describe());
    }

    @Test
    void aTopLevelHikariVersionAppliesToAppsWithoutTheirOwn() throws IOException {
        write("a/hikari.properties", "jdbcUrl=jdbc:mysql://db/a\n");
        write("b/hikari.properties", "jdbcUrl=jdbc:mysql://db/b\n");
        write("connlint.yml", "hikariVersion: 5.1.0\n" + SERVER + "apps:\n"
                + "  a: { config: [a/hikari.properties], instances: 1 }\n"
                + "  b: { config: [b/hikari.properties], instances: 1, hikariVersion: 7.0.2 }\n");
        Deployment model = load();
        assertEquals(List.of(), model.problems());
        assertEquals("5.1.0", model.pools().get(0).settings().get("hikariVersion").value());
        assertEquals("connlint.yml:1:16", model.pools().get(0).settings().get("hikariVersion").origin().describe());
        assertEquals("7.0.2", model.pools().get(1).settings().get("hikariVersion").value());
    }

    @Test
    void springBootParentGivesTheBundledHikariCp() throws IOException {
        write("orders/pom.xml", pom("<parent>\n  <groupId>org.springframework.boot</groupId>\n"
                + "  <artifactId>spring-boot-starter-parent</artifactId>\n  <version>3.3.4</version>\n</parent>"));
        write("orders/src/main/resources/application.yml", "spring:\n  datasource:\n    url: jdbc:mysql://db/orders\n");
        write("connlint.yml", SERVER + "apps:\n  orders: { config: [orders/src/main/resources/application.yml], instances: 1 }\n");
        ClientPool pool = only(load());
        Setting<?> version = pool.settings().get("hikariVersion");
        assertEquals("5.1.0", version.value());
        assertEquals("derived: Spring Boot 3.3.4 (orders/pom.xml:8:12) manages HikariCP 5.1.0", version.origin().describe());
        assertEquals(0L, pool.longSetting("keepaliveTime").orElseThrow().effective());
    }

    @Test
    void aHikariCpDependencyBeatsTheBootVersionAndAPropertyIsResolved() throws IOException {
        write("pom.xml", pom("<parent><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-parent</artifactId><version>3.3.4</version></parent>\n"
                + "<properties><hikari>6.2.1</hikari></properties>\n"
                + "<dependencies><dependency><groupId>com.zaxxer</groupId><artifactId>HikariCP</artifactId>"
                + "<version>${hikari}</version></dependency></dependencies>"));
        write("app/hikari.properties", "jdbcUrl=jdbc:mysql://db/orders\nmaxLifetime=100000\n");
        write("connlint.yml", SERVER + "apps:\n  orders: { config: [app/hikari.properties], instances: 1 }\n");
        ClientPool pool = only(load());
        assertEquals("6.2.1", pool.settings().get("hikariVersion").value());
        assertEquals("pom.xml:6:21", pool.settings().get("hikariVersion").origin().describe());
        Setting<Long> keepalive = pool.longSetting("keepaliveTime").orElseThrow();
        assertEquals(120_000L, keepalive.value(), "on by default from 6.2.1");
        assertEquals(0L, keepalive.effective(), "but not below maxLifetime 100000");
    }

    @Test
    void gradlePluginVersion() throws IOException {
        write("build.gradle.kts", "plugins {\n    id(\"org.springframework.boot\") version \"4.0.8\"\n}\n");
        write("src/main/resources/application.properties", "spring.datasource.url=jdbc:mysql://db/orders\n");
        write("connlint.yml", SERVER + "apps:\n  orders: { config: [src/main/resources/application.properties], instances: 1 }\n");
        ClientPool pool = only(load());
        assertEquals("7.0.2", pool.settings().get("hikariVersion").value());
        assertEquals(120_000L, pool.longSetting("keepaliveTime").orElseThrow().effective());
    }

    @Test
    void withoutAnyVersionTheLatestAndWhy() throws IOException {
        write("hikari.properties", "jdbcUrl=jdbc:mysql://db/orders\nconnectionTimeout=30s\n");
        write("connlint.yml", SERVER + "apps:\n  orders: { config: [hikari.properties], instances: 1 }\n");
        ClientPool pool = only(load());
        assertEquals("7.1.0", pool.settings().get("hikariVersion").value());
        assertTrue(pool.settings().get("hikariVersion").origin().describe().startsWith("assumed: no hikariVersion"));
        assertEquals(30_000L, pool.longSetting("connectionTimeout").orElseThrow().effective(), "durations from 6.3.0");
        assertTrue(pool.rejected().isEmpty());
    }

    @Test
    void olderHikariCpRefusesDurations() throws IOException {
        write("hikari.properties", "jdbcUrl=jdbc:mysql://db/orders\nconnectionTimeout=30s\n");
        write("connlint.yml", SERVER + "apps:\n  orders: { config: [hikari.properties], instances: 1, hikariVersion: 5.1.0 }\n");
        ClientPool pool = only(load());
        assertEquals(1, pool.rejected().size());
        assertEquals("'30s' is not a number HikariCP 5.1.0 can parse (durations such as 30s need HikariCP 6.3.0 or later)",
                pool.rejected().get(0).why());
    }

    @Test
    void aBadHikariVersionIsAConfigError() throws IOException {
        write("hikari.properties", "jdbcUrl=jdbc:mysql://db/orders\n");
        write("connlint.yml", SERVER + "apps:\n  orders: { config: [hikari.properties], hikariVersion: 3.4.5 }\n"
                + "  billing: { config: [hikari.properties], hikariVersion: six }\n");
        Deployment model = load();
        var messages = model.problems().stream().map(ReadProblem::message).toList();
        assertTrue(messages.contains("apps.orders.hikariVersion 3.4.5 is not a HikariCP release connlint models (from 4.0.0 to 7.1.0)"),
                messages.toString());
        assertTrue(messages.contains("apps.billing.hikariVersion must be a HikariCP release such as 6.2.0; found 'six'"),
                messages.toString());
    }

    private Deployment load() {
        return ProjectLoader.load(LintRequest.of(root)).model();
    }

    private static ClientPool only(Deployment model) {
        assertEquals(1, model.pools().size(), model.pools().toString());
        return model.pools().get(0);
    }

    private static String pom(String body) {
        return "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <artifactId>orders</artifactId>\n" + body + "\n</project>\n";
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
