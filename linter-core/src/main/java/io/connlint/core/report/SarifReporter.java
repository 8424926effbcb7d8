package io.connlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.RuleInfo;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.SourceLocation;

import java.io.IOException;
import java.util.List;

/**
 * SARIF 2.1.0 for code scanning: the rules with help URIs, results with repository-relative
 * locations (uriBaseId {@code %SRCROOT%}), related locations for the rest of the arithmetic, and
 * {@code partialFingerprints."connlintFinding/v1"} ({@link Finding#fingerprint()}), which stays the
 * same when lines move. Checked against the OASIS schema and code scanning's required fields in tests.
 */
public final class SarifReporter implements Reporter {

    private static final String SRCROOT = "%SRCROOT%";
    private static final String CONFIG_FILE = "connlint.yml";
    private final String toolVersion;

    public SarifReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(LintResult result, Appendable out) throws IOException {
        List<RuleInfo> rules = result.rules();
        Json.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "connlint");
            g.writeStringField("version", toolVersion);
            g.writeStringField("informationUri", "https://connlint.io");
            g.writeArrayFieldStart("rules");
            for (RuleInfo rule : rules) {
                g.writeStartObject();
                g.writeStringField("id", rule.code());
                g.writeStringField("name", rule.name());
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", rule.summary());
                g.writeEndObject();
                g.writeObjectFieldStart("fullDescription");
                g.writeStringField("text", rule.summary() + ". See " + rule.helpUri());
                g.writeEndObject();
                g.writeStringField("helpUri", rule.helpUri());
                // code scanning marks rules[].help.text as required (docs: "SARIF support for code scanning")
                g.writeObjectFieldStart("help");
                g.writeStringField("text", rule.summary() + ". How to fix it and how to suppress it: " + rule.helpUri());
                g.writeStringField("markdown", rule.summary() + ". See [" + rule.code() + " " + rule.name() + "]("
                        + rule.helpUri() + ") for how to fix it and how to suppress it.");
                g.writeEndObject();
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", level(rule.defaultSeverity()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : result.findings()) {
                g.writeStartObject();
                g.writeStringField("ruleId", f.rule().code());
                g.writeNumberField("ruleIndex", indexOf(rules, f.rule()));
                g.writeStringField("level", level(f.severity()));
                g.writeObjectFieldStart("message");
                g.writeStringField("text", text(f));
                g.writeEndObject();
                // code scanning needs one location per result: the primary one, else the first
                // related one, else connlint.yml (where such a finding is configured or suppressed)
                g.writeArrayFieldStart("locations");
                location(g, f.primary().or(() -> f.related().stream().map(Finding.Related::at).findFirst())
                        .orElse(new SourceLocation(CONFIG_FILE, 1, 1)), null, -1);
                g.writeEndArray();
                g.writeObjectFieldStart("partialFingerprints");
                g.writeStringField("connlintFinding/v1", f.fingerprint());
                g.writeEndObject();
                if (!f.related().isEmpty()) {
                    g.writeArrayFieldStart("relatedLocations");
                    int id = 1;
                    for (Finding.Related r : f.related()) {
                        location(g, r.at(), r.message(), id++);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static String text(Finding f) {
        StringBuilder s = new StringBuilder(f.message());
        for (String line : f.arithmetic()) {
            s.append('\n').append(line);
        }
        f.help().ifPresent(h -> s.append("\nhelp: ").append(h));
        return s.toString();
    }

    /**
     * A project-relative path as a relative URI reference (RFC 3986): every byte of its UTF-8 form
     * other than unreserved characters, {@code /} and sub-delimiters is percent-encoded, so a file
     * named {@code my #1.cnf} or {@code café.cnf} gives a URI code scanning accepts.
     */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=@".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static void location(JsonGenerator g, SourceLocation at, String message, int id) throws IOException {
        g.writeStartObject();
        if (id > 0) {
            g.writeNumberField("id", id);
        }
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(at.path()));
        g.writeStringField("uriBaseId", SRCROOT);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", at.line());
        g.writeNumberField("startColumn", at.column());
        g.writeEndObject();
        g.writeEndObject();
        if (message != null) {
            g.writeObjectFieldStart("message");
            g.writeStringField("text", message);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static int indexOf(List<RuleInfo> rules, RuleInfo rule) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).code().equals(rule.code())) {
                return i;
            }
        }
        return -1;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
