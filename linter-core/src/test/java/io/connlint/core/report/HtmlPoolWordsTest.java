package io.connlint.core.report;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.Linter;
import io.connlint.core.finding.LintResult;
import io.connlint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page draws a pool's lifetimes as its library names them: a tomcat-jdbc user reads maxAge, not
 * maxLifetime (the model table keeps the keys of {@code connlint show}).
 */
class HtmlPoolWordsTest {

    @TempDir
    Path root;

    @Test
    void aTomcatPoolsLifetimeIsItsMaxAge() throws IOException {
        write("connlint.yml", """
                servers:
                  db:
                    optionFiles: [db/my.cnf]
                apps:
                  orders:
                    config: [orders/application.yml]
                """);
        write("db/my.cnf", "[mysqld]\nwait_timeout = 600\n");
        write("orders/application.yml", """
                spring:
                  datasource:
                    url: jdbc:mysql://db/orders
                    type: org.apache.tomcat.jdbc.pool.DataSource
                    tomcat:
                      max-active: 20
                      max-age: 0
                """);
        LintResult result = new Linter(new RuleRegistry(List.of())).lint(LintRequest.of(root));
        StringBuilder out = new StringBuilder();
        new HtmlReporter("test").write(result, out);
        String html = out.toString();
        assertTrue(html.contains("(tomcat-jdbc, app orders)"), "the pool is tomcat-jdbc's");
        assertTrue(html.contains("<th scope=\"row\">maxAge</th>"), "the lifetime row is named maxAge");
        assertTrue(html.contains(">0 (no limit)</text>"), "maxAge 0: connections are never retired");
        assertTrue(html.contains("Timeline: maxAge 0 (no limit)"), "the chart's text alternative says maxAge");
        assertFalse(html.contains("Timeline: maxLifetime"), "no HikariCP name in a tomcat-jdbc pool's lifetimes");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
