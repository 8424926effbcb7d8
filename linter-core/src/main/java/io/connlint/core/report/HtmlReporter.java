package io.connlint.core.report;

import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Note;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: per server the connection budget as stacked bars (steady state,
 * rolling deploy, autoscaling maximum) and the memory against RAM, per pool its lifetimes against
 * wait_timeout, the findings grouped by file, and the model in a collapsible table. Inline SVG
 * and CSS only: no script, nothing fetched, readable without JavaScript and printable. This class
 * is the page and its findings and model; {@link HtmlServers}, {@link HtmlMemory} and
 * {@link HtmlPools} draw the charts, {@link HtmlStyle} holds the stylesheet.
 */
public final class HtmlReporter implements Reporter {

    private final String toolVersion;

    public HtmlReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    /** The whole page. */
    @Override
    public void write(LintResult result, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // a page that can fetch nothing: the browser refuses any request it would make
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                        + " 'unsafe-inline'; img-src data:\">\n")
                .append("<title>connlint report: ").append(Html.esc(projectName(result.model()))).append("</title>\n")
                .append("<style>\n").append(HtmlStyle.STYLE).append("</style>\n</head>\n<body>\n");
        body(result, out, 1);
        out.append("</body>\n</html>\n");
    }

    /** The stylesheet, for a page that embeds {@link #body}; every rule is scoped to {@code .connlint-report}. */
    public static String style() {
        return HtmlStyle.STYLE;
    }

    /**
     * The report as one {@code <div class="connlint-report">}, headings starting at level
     * {@code h} (2 when a site page already has its own h1).
     */
    public void body(LintResult result, Appendable out, int h) throws IOException {
        Deployment model = result.model();
        out.append("<div class=\"connlint-report\">\n").append(HtmlStyle.DEFS).append('\n');
        out.append(Html.heading(h, "connlint report")).append('\n');
        out.append("<p>Project <code>").append(Html.esc(projectName(model))).append("</code>, checked by connlint ")
                .append(Html.esc(toolVersion)).append(".</p>\n");
        out.append("<p><strong>").append(Html.esc(ConsoleReporter.summary(result))).append("</strong></p>\n");
        out.append("<nav aria-label=\"Contents\"><ul><li><a href=\"#servers\">Servers</a></li>"
                + "<li><a href=\"#pools\">Pools</a></li><li><a href=\"#findings\">Findings</a></li>"
                + "<li><a href=\"#model\">Model</a></li></ul></nav>\n");

        out.append("<section id=\"servers\">\n").append(Html.heading(h + 1, "Servers")).append('\n');
        if (model.servers().isEmpty()) {
            out.append("<p>No server was found.</p>\n");
        }
        int index = 0;
        for (DatabaseServer server : model.servers()) {
            HtmlServers.server(model, server, "s" + index++, out, h + 2);
        }
        out.append("</section>\n");

        out.append("<section id=\"pools\">\n").append(Html.heading(h + 1, "Pools: connection lifetimes against wait_timeout"))
                .append('\n');
        if (model.pools().isEmpty()) {
            out.append("<p>No pool was found.</p>\n");
        }
        index = 0;
        for (ClientPool pool : model.pools()) {
            HtmlPools.pool(model, pool, "p" + index++, out, h + 2);
        }
        out.append("</section>\n");

        findings(result, out, h + 1);
        modelTable(model, out, h + 1);
        out.append("</div>\n");
    }

    private static void findings(LintResult result, Appendable out, int h) throws IOException {
        out.append("<section id=\"findings\">\n").append(Html.heading(h, "Findings")).append('\n');
        if (result.findings().isEmpty()) {
            out.append("<p>No findings.</p>\n");
        }
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            byFile.computeIfAbsent(f.primary().map(SourceLocation::path).orElse(""), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            out.append("<h").append(String.valueOf(h + 1)).append('>')
                    .append(e.getKey().isEmpty() ? "Not in a file" : "<code>" + Html.esc(e.getKey()) + "</code>")
                    .append("</h").append(String.valueOf(h + 1)).append(">\n<ul class=\"findings\">\n");
            for (Finding f : e.getValue()) {
                String severity = f.severity().word();
                out.append("<li class=\"").append(severity).append("\">\n<p><span class=\"sev sev-").append(severity)
                        .append("\">").append(severity).append("</span> <a href=\"").append(Html.esc(f.rule().helpUri()))
                        .append("\">").append(Html.esc(f.rule().title())).append("</a>");
                if (f.primary().isPresent()) {
                    out.append(" at <code>").append(Html.esc(f.primary().get().toString())).append("</code>");
                }
                out.append("</p>\n<p>").append(Html.esc(f.message())).append("</p>\n");
                if (!f.arithmetic().isEmpty()) {
                    out.append("<pre>").append(Html.esc(String.join("\n", f.arithmetic()))).append("</pre>\n");
                }
                if (!f.related().isEmpty()) {
                    out.append("<ul>\n");
                    for (Finding.Related r : f.related()) {
                        out.append("<li><code>").append(Html.esc(r.at().toString())).append("</code>: ")
                                .append(Html.esc(r.message())).append("</li>\n");
                    }
                    out.append("</ul>\n");
                }
                if (f.help().isPresent()) {
                    out.append("<p><strong>help:</strong> ").append(Html.esc(f.help().get())).append("</p>\n");
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private static void modelTable(Deployment model, Appendable out, int h) throws IOException {
        out.append("<section id=\"model\">\n").append(Html.heading(h, "Model")).append('\n')
                .append("<details>\n<summary>Every server variable and pool setting, with value and origin"
                        + " (as <code>connlint show</code> prints them)</summary>\n");
        for (DatabaseServer server : model.servers()) {
            Map<String, Setting<?>> rows = new LinkedHashMap<>();
            rows.put("reserved", server.reserved());
            server.ramMb().ifPresent(r -> rows.put("ramMb", r));
            server.openFilesLimit().ifPresent(r -> rows.put("openFilesLimit", r));
            rows.putAll(server.variables());
            settingsTable(out, "Server " + server.id() + " (" + server.engine().id() + "), option files: "
                    + (server.optionFiles().isEmpty() ? "(none)" : String.join(", ", server.optionFiles())), rows);
        }
        for (ClientPool pool : model.pools()) {
            Map<String, Setting<?>> rows = new LinkedHashMap<>();
            rows.put("instances", pool.instances());
            rows.put("processes", pool.processes());
            pool.rolloutInstances().ifPresent(r -> rows.put("rolloutInstances", r));
            pool.maxInstances().ifPresent(r -> rows.put("maxInstances", r));
            rows.putAll(pool.settings());
            settingsTable(out, "Pool " + pool.id() + " (" + pool.kind().id() + ", app " + pool.app() + ") → server "
                    + model.poolServer().getOrDefault(pool.id(), "(none)") + ", config: "
                    + String.join(", ", pool.configFiles()), rows);
        }
        if (!model.notes().isEmpty()) {
            out.append("<p>Notes</p>\n<ul>\n");
            for (Note note : model.notes()) {
                out.append("<li><code>").append(Html.esc(note.at().toString())).append("</code>: ")
                        .append(Html.esc(note.text())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</details>\n</section>\n");
    }

    private static void settingsTable(Appendable out, String caption, Map<String, Setting<?>> rows) throws IOException {
        out.append("<table>\n<caption>").append(Html.esc(caption)).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Value</th>")
                .append("<th scope=\"col\">Runs with</th><th scope=\"col\">Origin</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Setting<?>> e : rows.entrySet()) {
            Setting<?> s = e.getValue();
            out.append("<tr><th scope=\"row\">").append(Html.esc(e.getKey())).append("</th><td>")
                    .append(Html.esc(String.valueOf(s.value()))).append("</td><td>")
                    .append(Html.esc(String.valueOf(s.effective())))
                    .append(s.reason().map(r -> " <span class=\"note\">(" + Html.esc(r) + ")</span>").orElse(""))
                    .append("</td><td>").append(Html.esc(s.origin().describe())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** The project directory's name: the page does not carry the machine's absolute paths. */
    private static String projectName(Deployment model) {
        String root = model.projectRoot().replace('\\', '/');
        while (root.endsWith("/") && root.length() > 1) {
            root = root.substring(0, root.length() - 1);
        }
        String name = root.substring(root.lastIndexOf('/') + 1);
        return name.isEmpty() || name.equals(".") ? root : name;
    }
}
