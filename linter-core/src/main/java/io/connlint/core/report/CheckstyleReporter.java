package io.connlint.core.report;

import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.model.SourceLocation;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checkstyle's XML result format, which Jenkins warnings-ng ({@code checkStyle} tool) and other CI
 * dashboards read: {@code <checkstyle><file name><error line column severity message source/>}.
 * Severities are {@code error}, {@code warning} and {@code info}; {@code source} is
 * {@code connlint.CL101.pool-budget-exceeded}. A finding that belongs to no file is listed under
 * the project root, {@code name="."}.
 */
public final class CheckstyleReporter implements Reporter {

    /** The checkstyle result-format version this writes (the one checkstyle itself writes today). */
    static final String FORMAT_VERSION = "4.3";

    @Override
    public void write(LintResult result, Appendable out) throws IOException {
        Map<String, List<Finding>> byFile = result.findings().stream().collect(Collectors.groupingBy(
                f -> f.primary().map(SourceLocation::path).orElse("."), LinkedHashMap::new, Collectors.toList()));
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("checkstyle");
            x.writeAttribute("version", FORMAT_VERSION);
            x.writeCharacters("\n");
            for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
                x.writeCharacters("  ");
                x.writeStartElement("file");
                x.writeAttribute("name", xmlSafe(file.getKey()));
                x.writeCharacters("\n");
                for (Finding f : file.getValue()) {
                    x.writeCharacters("    ");
                    x.writeEmptyElement("error");
                    if (f.primary().isPresent()) {
                        x.writeAttribute("line", Integer.toString(f.primary().get().line()));
                        x.writeAttribute("column", Integer.toString(f.primary().get().column()));
                    }
                    x.writeAttribute("severity", f.severity().word());
                    x.writeAttribute("message", message(f));
                    x.writeAttribute("source", "connlint." + f.rule().code() + "." + f.rule().name());
                    x.writeCharacters("\n");
                }
                x.writeCharacters("  ");
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write checkstyle XML: " + e.getMessage(), e);
        }
        out.append(buffer.toString()).append('\n');
    }

    /**
     * The message, its arithmetic and help in one line (an XML parser turns a newline inside an
     * attribute into a space anyway), without the characters XML 1.0 cannot carry.
     */
    static String message(Finding f) {
        StringBuilder s = new StringBuilder(f.message());
        f.arithmetic().forEach(a -> s.append("; ").append(a));
        f.help().ifPresent(h -> s.append("; help: ").append(h));
        return xmlSafe(s.toString());
    }

    static String xmlSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == '\t' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else {
                out.appendCodePoint(allowed ? c : 0xFFFD);
            }
        });
        return out.toString();
    }
}
