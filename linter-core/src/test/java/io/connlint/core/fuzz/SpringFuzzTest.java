package io.connlint.core.fuzz;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.pool.SpringPools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot application.yml and application.properties: SpringPools with profiles,
 * placeholders and the pools it builds. The seed's format decides the file name.
 */
class SpringFuzzTest extends ReaderFuzz {

    @Override
    String reader() {
        return "spring";
    }

    @Override
    List<String> corpusDirectories() {
        return List.of("spring");
    }

    @Override
    boolean isSeed(String fileName) {
        return fileName.endsWith(".yml") || fileName.endsWith(".yaml") || fileName.endsWith(".properties");
    }

    @Override
    String builtInExtension(String sample) {
        return sample.contains("spring:") ? "yml" : "properties";
    }

    @Override
    List<String> builtInSeeds() {
        return List.of("""
                spring:
                  profiles:
                    active: prod
                  datasource:
                    url: jdbc:mysql://${DB_HOST:db}:3306/orders
                    hikari:
                      maximum-pool-size: ${POOL:20}
                      max-lifetime: 30m
                      idle-timeout: PT10M
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod & !dev
                  datasource:
                    hikari:
                      maximumPoolSize: 40
                """, """
                spring.datasource.url=jdbc:mariadb://db:3306/app
                spring.datasource.tomcat.max-active=50
                spring.datasource.dbcp2.max-total=${MAX:8}
                spring.datasource.hikari.connection-timeout=5s
                app.datasource.replica.url=jdbc:mysql://replica/app
                spring.profiles.active=${PROFILE:prod}
                #---
                spring.config.activate.on-profile=prod
                spring.datasource.hikari.maximum-pool-size=1${X}
                """);
    }

    @Override
    List<String> dictionary() {
        return Yamls.concat(Yamls.COMMON, List.of("spring", "datasource", "hikari", "tomcat", "dbcp2", "url",
                "maximum-pool-size", "maximumPoolSize", "max_pool_size", "MAXIMUMPOOLSIZE", "max-lifetime",
                "idle-timeout", "connection-timeout", "keepalive-time", "minimum-idle", "max-active", "max-total",
                "spring.datasource.hikari.maximum-pool-size=", "spring.datasource.url=jdbc:mysql://h/db",
                "spring.profiles.active=", "spring.config.activate.on-profile=", "on-profile", "profiles", "active",
                "include", "group", "#---", "!---", "${", "${A:${B:${C}}}", "${X:", "}", ":-", "30s", "5m", "PT1H", "1d",
                "-1", "jdbc:mysql://", "jdbc:mariadb://", "prod", "!prod", "prod & dev", "(prod | dev)", "spring.config.import="));
    }

    @Override
    String hostile(int variant, int size) {
        if (variant % 2 == 0) {
            return switch (variant / 2 % 4) {
                case 0 -> "spring.datasource.hikari.maximum-pool-size=" + "${A:".repeat(size) + "1" + "}".repeat(size);
                case 1 -> "spring.profiles.active=" + "p,".repeat(size) + "\n" + "#---\nspring.config.activate.on-profile=p\n"
                        .repeat(Math.min(size, 200));
                case 2 -> "spring.config.activate.on-profile=" + "(".repeat(size) + "a" + ")".repeat(size) + "\n";
                default -> "a=${b}\nb=${a}\nspring.datasource.hikari.maximum-pool-size=${a}\n" + "x=\\\n".repeat(size);
            };
        }
        return Yamls.hostile(variant / 2, size, "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: ");
    }

    @Override
    List<ReadProblem> read(Path dir, Seed seed, byte[] input) throws Exception {
        boolean yaml = !seed.extension().equals("properties");
        String name = yaml ? "application.yml" : "application.properties";
        Files.deleteIfExists(dir.resolve(yaml ? "application.properties" : "application.yml"));
        Path file = write(dir, name, input);
        List<String> profiles = input.length % 2 == 0 ? List.of() : List.of("prod");
        SpringPools.Result result = SpringPools.read("app", List.of(file), profiles, Map.of("POOL", "7"),
                SourceLocation.startOf("connlint.yml"), new ProjectPaths(dir, Map.of()), input.length % 3 == 0);
        return result.problems();
    }
}
