package io.connlint.core.read.persisted;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.OptionEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL 8's {@code mysqld-auto.cnf}: the values {@code SET PERSIST} wrote, which the server applies
 * after its option files and command line (sql/persisted_variable.cc; research/mysql-facts.md §2).
 * Version 1: {@code mysql_server} (and its {@code mysql_server_static_options}); Version 2: the
 * {@code mysql_*_variables} sections. Every {@code "Value"} is a JSON string. The encrypted
 * {@code mysql_sensitive_variables} section is skipped.
 */
public final class PersistedVariables {

    static final String GROUP = "mysqld-auto.cnf";
    private static final Set<String> V2_SECTIONS = Set.of("mysql_static_parse_early_variables",
            "mysql_dynamic_parse_early_variables", "mysql_static_variables", "mysql_dynamic_variables");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** The persisted values, as option entries that come after every option file. */
    public record Result(List<OptionEntry> entries, List<ReadProblem> problems) {
    }

    private PersistedVariables() {
    }

    public static Result read(TextFile file) {
        List<OptionEntry> entries = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.text())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return problem(file, p.currentLocation(), "expected a JSON object with \"Version\"");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("mysql_server") || V2_SECTIONS.contains(field)) {
                    section(file, p, entries);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            return problem(file, e.getLocation(), "not valid mysqld-auto.cnf JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return problem(file, null, "cannot read: " + e.getMessage());
        }
        return new Result(entries, List.of());
    }

    /** {@code "name": {"Value": "…", "Metadata": {…}}}, and V1's nested static-options section. */
    private static void section(TextFile file, JsonParser p, List<OptionEntry> out) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("mysql_server_static_options")) {
                section(file, p, out);
                continue;
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("Value") && value == JsonToken.VALUE_STRING) {
                    out.add(new OptionEntry(GROUP, name, Optional.of(p.getText()), p.getText(), at(file, p.currentTokenLocation())));
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static Result problem(TextFile file, JsonLocation location, String message) {
        return new Result(List.of(), List.of(ReadProblem.unreadable(at(file, location), message)));
    }

    private static SourceLocation at(TextFile file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceLocation.startOf(file.path());
        }
        return new SourceLocation(file.path(), location.getLineNr(), Math.max(1, location.getColumnNr()));
    }
}
