package io.connlint.core.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.connlint.core.engine.ConnlintException;
import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.report.Json;
import io.connlint.core.report.ReportFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The findings a team has accepted for now ({@code connlint-baseline.json}, docs/baseline.md).
 * Entries are keyed by {@link Finding#fingerprint()} (rule, file and the setting and model object
 * the finding is about), never by line, so moving a line keeps a finding baselined; {@code ruleId},
 * {@code path}, {@code line} and {@code message} are written for the reader and ignored when matching.
 *
 * @param entries the accepted findings, in report order
 */
public record Baseline(List<Entry> entries) {

    /** The file name {@code connlint baseline} and {@code mvn connlint:baseline} write by default. */
    public static final String FILE_NAME = "connlint-baseline.json";
    /** The format version written and understood. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    /** One accepted finding. */
    public record Entry(String fingerprint, String ruleId, String path, int line, String message) {
        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            ruleId = ruleId == null ? "" : ruleId;
            path = path == null ? "" : path;
            message = message == null ? "" : message;
        }

        static Entry of(Finding f) {
            return new Entry(f.fingerprint(), f.rule().code(), f.primary().map(SourceLocation::path).orElse(""),
                    f.primary().map(SourceLocation::line).orElse(0), f.message());
        }

        /** {@code path:line: CL101 message}, as the "gone" list shows it. */
        public String describe() {
            String where = path.isEmpty() ? "" : path + (line > 0 ? ":" + line : "") + ": ";
            return where + ruleId + " " + message;
        }
    }

    public Baseline {
        entries = List.copyOf(entries);
    }

    /** A baseline that accepts every finding of a result. */
    public static Baseline of(LintResult result) {
        return new Baseline(result.findings().stream().map(Entry::of).toList());
    }

    /**
     * What a baseline leaves of a result.
     *
     * @param result    the result with only the findings not in the baseline
     * @param baselined how many findings the baseline matched (and hid)
     * @param gone      the entries no finding matched any more: fixed, or their setting removed
     */
    public record Applied(LintResult result, int baselined, List<Entry> gone) {
        public Applied {
            gone = List.copyOf(gone);
        }

        /** One line for the report's end, e.g. {@code connlint: baseline: 3 findings baselined, 1 gone}. */
        public String summary(String file) {
            StringBuilder s = new StringBuilder("connlint: baseline ").append(file).append(": ")
                    .append(baselined).append(baselined == 1 ? " finding" : " findings").append(" baselined, ")
                    .append(gone.size()).append(" gone");
            if (!gone.isEmpty()) {
                s.append(" (fixed; rewrite the baseline to drop ").append(gone.size() == 1 ? "it" : "them").append(')');
            }
            return s.toString();
        }
    }

    /**
     * Hides the findings this baseline accepts. A fingerprint listed twice accepts two findings
     * with it; a third is new.
     */
    public Applied apply(LintResult result) {
        Map<String, Integer> remaining = new HashMap<>();
        for (Entry e : entries) {
            remaining.merge(e.fingerprint(), 1, Integer::sum);
        }
        List<Finding> fresh = new ArrayList<>();
        int baselined = 0;
        for (Finding f : result.findings()) {
            String key = f.fingerprint();
            int left = remaining.getOrDefault(key, 0);
            if (left > 0) {
                remaining.put(key, left - 1);
                baselined++;
            } else {
                fresh.add(f);
            }
        }
        // the entries not used up, latest first removed, so the order of the file is kept
        List<Entry> gone = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            int left = remaining.getOrDefault(e.fingerprint(), 0);
            if (left > 0) {
                remaining.put(e.fingerprint(), left - 1);
                gone.add(0, e);
            }
        }
        return new Applied(new LintResult(result.model(), fresh, result.rules()), baselined, gone);
    }

    /** Writes the baseline to {@code file}, whole or not at all (as a report is). */
    public void write(Path file, String toolVersion) throws IOException {
        ReportFiles.write(file, out -> write(out, toolVersion));
    }

    /** Writes the baseline as JSON. */
    public void write(Appendable out, String toolVersion) throws IOException {
        Json.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("tool", "connlint");
            g.writeStringField("version", toolVersion);
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeArrayFieldStart("findings");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("fingerprint", e.fingerprint());
                g.writeStringField("ruleId", e.ruleId());
                g.writeStringField("path", e.path());
                g.writeNumberField("line", e.line());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * Reads a baseline file. A file that is missing, unreadable or not a connlint baseline is a
     * {@link ConnlintException} naming the file (and the line and column for broken JSON).
     */
    public static Baseline read(Path file) {
        try (Reader r = ReportFiles.reader(file)) {
            return parse(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConnlintException("baseline " + file + " does not exist; create it with `connlint baseline`"
                    + " or `mvn connlint:baseline`");
        } catch (JsonParseException e) {
            throw new ConnlintException("baseline " + file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConnlintException("baseline " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Parses a baseline document; {@code name} is used in messages. */
    public static Baseline parse(Reader in, String name) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(name, p, "expected a JSON object");
            }
            List<Entry> entries = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("formatVersion")) {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != FORMAT_VERSION) {
                        throw invalid(name, p, "formatVersion " + p.getText() + " is not supported (expected "
                                + FORMAT_VERSION + ")");
                    }
                } else if (field.equals("findings")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw invalid(name, p, "findings must be an array");
                    }
                    entries = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        entries.add(entry(p, name));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (entries == null) {
                throw invalid(name, p, "no findings array; is this a connlint baseline?");
            }
            return new Baseline(entries);
        }
    }

    private static Entry entry(JsonParser p, String name) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        int line = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (field.equals("line") && value == JsonToken.VALUE_NUMBER_INT) {
                line = p.getIntValue();
            } else {
                fields.put(field, p.getText());
            }
        }
        String fingerprint = fields.get("fingerprint");
        if (fingerprint == null || fingerprint.isBlank()) {
            throw invalid(name, p, "a finding without a fingerprint");
        }
        return new Entry(fingerprint, fields.get("ruleId"), fields.get("path"), line, fields.get("message"));
    }

    private static ConnlintException invalid(String name, JsonParser p, String what) {
        return new ConnlintException("baseline " + name + ":" + p.currentLocation().getLineNr() + ":"
                + p.currentLocation().getColumnNr() + ": " + what);
    }
}
