package io.connlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.Setting;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code connlint show}: the model connlint reasons about — every server's variables and every
 * pool's settings with value, origin and location. In the JSON, {@code servers[].id},
 * {@code servers[].variables.<name>.value} and {@code pools[].settings.<name>.value} are a stable
 * contract (docs/json-format.md).
 */
public final class ModelWriter {

    private ModelWriter() {
    }

    /**
     * Without the rules' words: an option-file issue is shown as the line or file concerned.
     */
    public static void text(Deployment model, Appendable out) throws IOException {
        text(model, out, OptionFileIssue::subject);
    }

    /**
     * @param issueText the words for an option-file issue (the rules own them: CL504, CL507)
     */
    public static void text(Deployment model, Appendable out, Function<OptionFileIssue, String> issueText)
            throws IOException {
        for (DatabaseServer server : model.servers()) {
            out.append("server ").append(server.id()).append(" (").append(server.engine().id()).append(")\n");
            out.append("  option files: ").append(server.optionFiles().isEmpty() ? "(none)"
                    : String.join(", ", server.optionFiles())).append('\n');
            out.append("  reserved: ").append(line(server.reserved())).append('\n');
            server.ramMb().ifPresent(r -> append(out, "  ramMb: " + line(r) + "\n"));
            server.openFilesLimit().ifPresent(r -> append(out, "  openFilesLimit: " + openFiles(r) + "\n"));
            if (!server.hosts().isEmpty()) {
                out.append("  hosts: ").append(String.join(", ", server.hosts())).append('\n');
            }
            for (Map.Entry<String, Setting<?>> v : server.variables().entrySet()) {
                out.append("  ").append(v.getKey()).append(' ').append(String.valueOf(v.getValue().effective()))
                        .append(": ").append(chain(server, v.getValue())).append('\n');
            }
            for (OptionFileIssue issue : server.issues()) {
                out.append("  ").append(issue.kind() == OptionFileIssue.Kind.REFUSED
                        ? "refused (CL504) " : "ignored (CL507) ").append(issue.at().toString()).append(": ")
                        .append(issueText.apply(issue)).append('\n');
            }
        }
        for (ClientPool pool : model.pools()) {
            out.append("pool ").append(pool.id()).append(" (").append(pool.kind().id()).append(", app ")
                    .append(pool.app()).append(") -> server ")
                    .append(model.poolServer().getOrDefault(pool.id(), "(none)")).append('\n');
            out.append("  config: ").append(String.join(", ", pool.configFiles())).append('\n');
            pool.target().ifPresent(t -> append(out, "  target: " + t.hosts() + t.database().map(d -> "/" + d).orElse("")
                    + t.user().map(u -> " as " + u.value()).orElse("") + "\n"));
            out.append("  instances = ").append(line(pool.instances())).append('\n');
            pool.rolloutInstances().ifPresent(r -> append(out, "  instances during rollout = " + line(r) + "\n"));
            pool.maxInstances().ifPresent(r -> append(out, "  maxInstances = " + line(r) + "\n"));
            out.append("  processes = ").append(line(pool.processes())).append('\n');
            for (Map.Entry<String, Setting<?>> s : pool.settings().entrySet()) {
                out.append("  ").append(s.getKey()).append(" = ").append(line(s.getValue())).append('\n');
            }
        }
        for (Note note : model.notes()) {
            out.append("note: ").append(note.at().toString()).append(": ").append(note.text()).append('\n');
        }
    }

    private static void append(Appendable out, String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where the open-files limit comes from: connlint.yml or a systemd unit (connlint.yml wins). */
    private static String openFiles(Setting<Long> limit) {
        String value = limit.value() == Long.MAX_VALUE ? "infinity" : String.valueOf(limit.value());
        String where = limit.location().map(Object::toString).orElse(limit.origin().describe());
        return limit.name().equals("LimitNOFILE")
                ? value + " from systemd LimitNOFILE=" + limit.raw() + " at " + where
                        + " (no openFilesLimit in connlint.yml, which would take precedence)"
                : value + " from openFilesLimit at " + where;
    }

    /**
     * A server variable's origin chain, e.g. {@code derived from open_files_limit 1024 (MySQL cuts
     * to files − 810), requested 500 at db/my.cnf:2:1}.
     */
    static String chain(DatabaseServer server, Setting<?> s) {
        String source = s.origin() instanceof io.connlint.core.model.Origin.InFile
                ? "at " + s.location().orElseThrow()
                : s.location().isPresent() ? "on the " + s.origin().describe() : "(" + s.origin().describe() + ")";
        if (!s.isRewritten()) {
            if (s.isWritten()) {
                return "set " + source + (s.raw().equals(String.valueOf(s.value())) ? "" : " as '" + s.raw() + "'");
            }
            return s.origin().describe();
        }
        String cut = cutRule(server, s.name());
        Optional<Setting.Adjustment> openFilesCut = s.adjustment(Setting.Kind.OPEN_FILES_CUT);
        if (cut != null && openFilesCut.isPresent()) {
            Setting<?> files = server.variables().get("open_files_limit");
            String limit = files == null ? "the open-files limit" : "open_files_limit " + files.effective();
            return "derived from " + limit + " (" + cut + "), requested " + s.value() + " " + source
                    + " [the server logs: " + openFilesCut.get().why() + "]";
        }
        return "runs as " + s.effective() + ", written " + s.value() + " " + source + ": " + s.reason().orElseThrow();
    }

    /** How the engine cuts a variable to the open files it got, in words. */
    private static String cutRule(DatabaseServer server, String name) {
        boolean maria = server.engine().isMariaDb();
        return switch (name) {
            case "max_connections" -> maria
                    ? "MariaDB cuts to files − 30 − 2 × min(table_open_cache, 200) × table_open_cache_instances"
                    : "MySQL cuts to files − 810";
            case "table_open_cache" -> maria
                    ? "MariaDB cuts to (files − 30 − max_connections) / 2 / table_open_cache_instances"
                    : "MySQL cuts to (files − 10 − max_connections) / 2, at least 400";
            default -> null;
        };
    }

    private static String line(Setting<?> s) {
        StringBuilder b = new StringBuilder(String.valueOf(s.effective()));
        if (s.isRewritten()) {
            b.append(" (written ").append(s.value()).append("; ").append(s.reason().orElseThrow()).append(')');
        }
        b.append("  [").append(s.origin().describe()).append(']');
        return b.toString();
    }

    /** Without the rules' words, as {@link #text(Deployment, Appendable)}. */
    public static void json(Deployment model, String toolVersion, Appendable out) throws IOException {
        json(model, toolVersion, out, OptionFileIssue::subject);
    }

    /**
     * @param issueText the words for an option-file issue (the rules own them: CL504, CL507)
     */
    public static void json(Deployment model, String toolVersion, Appendable out,
                            Function<OptionFileIssue, String> issueText) throws IOException {
        Json.write(out, g -> {
            g.writeStartObject();
            g.writeStringField("tool", "connlint");
            g.writeStringField("version", toolVersion);
            g.writeBooleanField("discovered", model.discovered());
            g.writeArrayFieldStart("servers");
            for (DatabaseServer server : model.servers()) {
                g.writeStartObject();
                g.writeStringField("id", server.id());
                g.writeStringField("engine", server.engine().id());
                g.writeArrayFieldStart("optionFiles");
                for (String f : server.optionFiles()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeFieldName("reserved");
                Json.setting(g, server.reserved());
                if (server.ramMb().isPresent()) {
                    g.writeFieldName("ramMb");
                    Json.setting(g, server.ramMb().get());
                }
                if (server.openFilesLimit().isPresent()) {
                    g.writeFieldName("openFilesLimit");
                    Json.setting(g, server.openFilesLimit().get());
                }
                g.writeArrayFieldStart("hosts");
                for (String h : server.hosts()) {
                    g.writeString(h);
                }
                g.writeEndArray();
                settings(g, "variables", server.variables());
                g.writeArrayFieldStart("issues");
                for (OptionFileIssue issue : server.issues()) {
                    g.writeStartObject();
                    g.writeStringField("code", issue.kind() == OptionFileIssue.Kind.REFUSED ? "CL504" : "CL507");
                    g.writeStringField("message", issueText.apply(issue));
                    g.writeFieldName("location");
                    Json.location(g, issue.at());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("pools");
            for (ClientPool pool : model.pools()) {
                g.writeStartObject();
                g.writeStringField("id", pool.id());
                g.writeStringField("app", pool.app());
                g.writeStringField("kind", pool.kind().id());
                String server = model.poolServer().get(pool.id());
                if (server != null) {
                    g.writeStringField("server", server);
                } else {
                    g.writeNullField("server");
                }
                g.writeArrayFieldStart("configFiles");
                for (String f : pool.configFiles()) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeFieldName("instances");
                Json.setting(g, pool.instances());
                if (pool.rolloutInstances().isPresent()) {
                    g.writeFieldName("rolloutInstances");
                    Json.setting(g, pool.rolloutInstances().get());
                }
                if (pool.maxInstances().isPresent()) {
                    g.writeFieldName("maxInstances");
                    Json.setting(g, pool.maxInstances().get());
                }
                g.writeFieldName("processes");
                Json.setting(g, pool.processes());
                g.writeNumberField("demand", pool.demand());
                settings(g, "settings", pool.settings());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (Note note : model.notes()) {
                g.writeStartObject();
                g.writeStringField("text", note.text());
                g.writeFieldName("location");
                Json.location(g, note.at());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void settings(JsonGenerator g, String field, Map<String, Setting<?>> settings) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Setting<?>> e : settings.entrySet()) {
            g.writeFieldName(e.getKey());
            Json.setting(g, e.getValue());
        }
        g.writeEndObject();
    }
}
