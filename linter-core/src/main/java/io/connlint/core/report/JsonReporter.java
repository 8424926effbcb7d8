package io.connlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.Severity;

import java.io.IOException;

/** connlint's own JSON (docs/json-format.md). */
public final class JsonReporter implements Reporter {

    private final String toolVersion;

    public JsonReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(LintResult result, Appendable out) throws IOException {
        Json.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("tool", "connlint");
            g.writeStringField("version", toolVersion);
            g.writeObjectFieldStart("summary");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.word(), result.count(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().code());
        g.writeStringField("ruleName", f.rule().name());
        g.writeStringField("severity", f.severity().word());
        g.writeStringField("message", f.message());
        if (f.primary().isPresent()) {
            g.writeFieldName("location");
            Json.location(g, f.primary().get());
        }
        g.writeArrayFieldStart("related");
        for (Finding.Related r : f.related()) {
            g.writeStartObject();
            g.writeStringField("message", r.message());
            g.writeFieldName("location");
            Json.location(g, r.at());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("arithmetic");
        for (String line : f.arithmetic()) {
            g.writeString(line);
        }
        g.writeEndArray();
        if (f.help().isPresent()) {
            g.writeStringField("help", f.help().get());
        }
        g.writeStringField("helpUri", f.rule().helpUri());
        g.writeStringField("fingerprint", f.fingerprint());
        g.writeEndObject();
    }
}
