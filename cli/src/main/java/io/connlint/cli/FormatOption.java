package io.connlint.cli;

import io.connlint.core.report.ReportFormat;
import io.connlint.core.report.ReportFormats;
import picocli.CommandLine;

import java.util.Iterator;

/**
 * {@code --format} for picocli: its values are the registered formats ({@link ReportFormats}),
 * converted and offered for completion, with the message picocli gives for an enum.
 */
final class FormatOption implements CommandLine.ITypeConverter<ReportFormat>, Iterable<String> {

    @Override
    public ReportFormat convert(String value) {
        return ReportFormats.find(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "expected one of " + ReportFormats.ids() + " (case-sensitive) but was '" + value + "'"));
    }

    @Override
    public Iterator<String> iterator() {
        return ReportFormats.ids().iterator();
    }
}
