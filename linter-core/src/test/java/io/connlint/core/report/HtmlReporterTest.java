package io.connlint.core.report;

import io.connlint.core.finding.Finding;
import io.connlint.core.engine.LintRequest;
import io.connlint.core.finding.LintResult;
import io.connlint.core.engine.Linter;
import io.connlint.core.finding.RuleInfo;
import io.connlint.core.rule.RuleRegistry;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReporterTest {

    @TempDir
    static Path project;
    private static LintResult result;

    /**
     * Server cut: max_connections 500 under 1024 open files runs with 214 (MySQL: 1024 − 10 − 2 ×
     * table_open_cache 400); orders' 3 × 100 overflows it by 86. Server kept: max_connections 100
     * in the option file, 200 from SET PERSIST; billing's 50 + reserved 5 leave 145. billing
     * doubles during a rollout (maxSurge 100%) and runs up to 6 at the autoscaling maximum.
     */
    @BeforeAll
    static void lint() throws IOException {
        write("connlint.yml", """
                servers:
                  cut:
                    engine: mysql-8.0
                    optionFiles: [db/cut.cnf]
                    openFilesLimit: 1024
                    ramMb: 1024
                  kept:
                    engine: mysql-8.0
                    optionFiles: [db/kept.cnf]
                    persisted: db/mysqld-auto.cnf
                    reserved: 5
                apps:
                  orders:
                    config: [orders/hikari.properties]
                    server: cut
                    instances: 3
                  billing:
                    config: [billing/hikari.properties]
                    server: kept
                    instances: 2
                    maxSurge: 100%
                    maxInstances: 6
                """);
        write("db/cut.cnf", "[mysqld]\nmax_connections = 500\ntable_open_cache = 400\nwait_timeout = 600\n");
        write("db/kept.cnf", "[mysqld]\nmax_connections = 100\n");
        write("db/mysqld-auto.cnf", """
                {"Version": 2, "mysql_dynamic_variables": {"max_connections": {"Value": "200",
                 "Metadata": {"Timestamp": 1, "User": "root", "Host": "localhost"}}}}
                """);
        write("orders/hikari.properties", "jdbcUrl=jdbc:mysql://db/orders\nmaximumPoolSize=100\nmaxLifetime=0\n"
                + "keepaliveTime=0\n");
        write("billing/hikari.properties", "jdbcUrl=jdbc:mysql://db/billing\nmaximumPoolSize=25\nmaxLifetime=300000\n");
        LintResult linted = new Linter(new RuleRegistry(List.of())).lint(LintRequest.of(project));
        RuleInfo rule = new RuleInfo("CL101", "pool-budget-exceeded", "summary", Severity.ERROR, List.of());
        Finding hostile = new Finding(rule, Severity.ERROR, "<script>alert('x')</script> & \"quoted\"",
                Optional.of(new SourceLocation("orders/hikari.properties", 2, 1)), List.of(),
                List.of("3 × 100 = 300 > 214"), Optional.of("lower <it>"), "subject");
        result = new LintResult(linted.model(), List.of(hostile), List.of(rule));
    }

    private static void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String html() throws IOException {
        StringBuilder out = new StringBuilder();
        new HtmlReporter("test").write(result, out);
        return out.toString();
    }

    @Test
    void theBudgetBarsShowSharesHeadroomAndOverflow() throws IOException {
        String html = html();
        assertTrue(html.contains("<title>orders 3×1×100 = 300</title>"), html);
        assertTrue(html.contains(">max_connections 214</text>"));
        assertTrue(html.contains(">overflow 86 over max_connections</text>"));
        assertTrue(html.contains("<title>billing 2×1×25 = 50</title>"));
        assertTrue(html.contains(">headroom 145</text>"));
        // the rollout doubles billing (2 + 100% surge = 4), the autoscaling maximum runs 6
        assertTrue(html.contains("<title>billing 4×1×25 = 100</title>"), "no rollout bar");
        assertTrue(html.contains("<title>billing 6×1×25 = 150</title>"), "no autoscaling bar");
        assertTrue(html.contains("During a rolling deploy: 105 of max_connections 200"));
    }

    @Test
    void theOpenFilesCutAndThePersistedOverrideAreShownWhereTheyChangeTheLimit() throws IOException {
        String html = html();
        assertTrue(html.contains(">configured 500</text>"), "no marker at the configured value");
        assertTrue(html.contains("<rect class=\"cut\""), "the cut is not drawn");
        assertTrue(html.contains("configured max_connections 500, cut to 214"), "the chart's text alternative omits the cut");
        assertTrue(html.contains("Configured 500, but the server runs with 214 under the open-files limit 1024"));
        assertTrue(html.contains("max_connections = 200 comes from db/mysqld-auto.cnf"));
        assertTrue(html.contains("SET PERSIST"));
        assertTrue(html.contains("max_connections at db/kept.cnf:2:1 has no effect"), html);
    }

    @Test
    void memoryAndLifetimesAreDrawn() throws IOException {
        String html = html();
        assertTrue(html.contains("Worst-case memory of server cut"));
        assertTrue(html.contains(">RAM 1024 MiB</text>"));
        // MySQL 8: all sessions' temporary tables within temptable_max_ram (1 GiB by default)
        assertTrue(html.contains("<title>temporary tables min(temptable_max_ram 1024 MiB, 214 × 16 MiB) = 1024 MiB</title>"),
                "no temporary-table share");
        assertTrue(html.contains(">wait_timeout 10 min</text>"));
        assertTrue(html.contains(">0 (no limit)</text>"), "maxLifetime 0 runs to the edge");
        assertTrue(html.contains(">0 (disabled)</text>"), "keepaliveTime 0 is disabled");
        assertTrue(html.contains(">5 min</text>"));
    }

    @Test
    void everyChartHasATextAlternative() throws IOException {
        String html = html();
        Matcher svg = Pattern.compile("<svg [^>]*class=\"chart\"[^>]*>").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
            String tag = svg.group();
            assertTrue(tag.contains("role=\"img\""), tag);
            Matcher ids = Pattern.compile("aria-labelledby=\"([^ ]+) ([^\"]+)\"").matcher(tag);
            assertTrue(ids.find(), tag);
            assertTrue(html.contains("<title id=\"" + ids.group(1) + "\">"), tag);
            assertTrue(html.contains("<desc id=\"" + ids.group(2) + "\">"), tag);
        }
        // cut: steady budget and memory; kept: steady, rollout and autoscaled budget and memory; a timeline per pool
        assertEquals(2 + 4 + 2, charts);
    }

    /** WCAG 2 AA: 4.5:1 for text. Labels are #111 on the fills; badges and the overflow are white on, or red on white. */
    @Test
    void coloursHaveSufficientContrast() {
        String style = HtmlReporter.style();
        Matcher fills = Pattern.compile("svg \\.(app\\d|reserved|mem-server|mem-threads|mem-tables|time)[^{]*\\{fill:(#[0-9a-f]{6})")
                .matcher(style);
        int checked = 0;
        while (fills.find()) {
            double ratio = contrast("#111111", fills.group(2));
            assertTrue(ratio >= 4.5, fills.group(1) + " " + fills.group(2) + ": " + ratio);
            checked++;
        }
        assertEquals(11, checked, "the fills were not all found in the stylesheet");
        for (String variable : List.of("--error", "--warning", "--info", "--muted")) {
            Matcher m = Pattern.compile(variable + ":(#[0-9a-f]{6})").matcher(style);
            assertTrue(m.find(), variable);
            assertTrue(contrast("#ffffff", m.group(1)) >= 4.5, variable + " " + m.group(1));
        }
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    @Test
    void userTextIsEscaped() throws IOException {
        String html = html();
        assertFalse(html.contains("<script"), "a finding's text became markup");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assertTrue(html.contains("lower &lt;it&gt;"));
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;\uFFFD", Html.esc("a<b>&\"'\u0001"));
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String html = html();
        assertFalse(html.contains("<script"));
        assertFalse(Pattern.compile("\\s(src|srcset)=").matcher(html).find(), "something would be loaded");
        assertFalse(html.contains("@import"));
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "a CSS url() outside the page");
        assertFalse(html.contains("<link"));
        assertTrue(html.contains("default-src 'none'"));
        assertTrue(html.contains("@media print"));
        // the findings link to their rule page, as SARIF's helpUri does
        assertTrue(html.contains("<a href=\"https://connlint.io/rules/CL101-pool-budget-exceeded\">"));
        assertTrue(html.contains("<details>"));
    }
}
