package io.connlint.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Shared JSON writing (Jackson's streaming generator): pretty-printed, arrays one element a line,
 * {@code \n} line ends, as every JSON file connlint writes looks.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** What goes into the document. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes one document, then a line end. */
    public static void write(Appendable out, Body body) throws IOException {
        Writer writer = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(writer)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter();
            pretty.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            g.setPrettyPrinter(pretty);
            body.write(g);
        }
        out.append(writer.toString().replace("\r\n", "\n")).append('\n');
    }

    static void location(JsonGenerator g, SourceLocation at) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", at.path());
        g.writeNumberField("line", at.line());
        g.writeNumberField("column", at.column());
        g.writeEndObject();
    }

    /** A setting: value, effective value, origin and location. */
    static void setting(JsonGenerator g, Setting<?> s) throws IOException {
        g.writeStartObject();
        value(g, "value", s.effective());
        if (s.isRewritten()) {
            value(g, "configured", s.value());
            g.writeStringField("reason", s.reason().orElseThrow());
        }
        g.writeStringField("raw", s.raw());
        g.writeStringField("origin", s.origin().describe());
        if (s.location().isPresent()) {
            g.writeFieldName("location");
            location(g, s.location().get());
        }
        g.writeEndObject();
    }

    static void value(JsonGenerator g, String field, Object v) throws IOException {
        if (v instanceof Long n) {
            g.writeNumberField(field, n);
        } else if (v instanceof Boolean b) {
            g.writeBooleanField(field, b);
        } else {
            g.writeStringField(field, String.valueOf(v));
        }
    }
}
