package io.connlint.core.report;

import io.connlint.core.model.budget.ConnectionBudget;
import io.connlint.core.model.budget.ConnectionMemory;
import io.connlint.core.model.budget.Scenario;
import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Note;
import io.connlint.core.model.OverriddenOption;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One self-contained HTML page: per server the connection budget as stacked bars (steady state,
 * rolling deploy, autoscaling maximum) and the memory against RAM, per pool its lifetimes against
 * wait_timeout, the findings grouped by file, and the model in a collapsible table. Inline SVG
 * and CSS only: no script, nothing fetched, readable without JavaScript and printable. The
 * numbers come from {@link ConnectionBudget} and {@link ConnectionMemory}, as the rules' do.
 */
public final class HtmlReporter implements Reporter {

    /** Fills of the pools' segments, light enough for dark text (contrast above 7:1 with #111). */
    private static final int APP_COLOURS = 6;
    private static final String STYLE = """
            .connlint-report{--ink:#111111;--muted:#444444;--error:#b3261e;--warning:#7a4a00;--info:#1f5f99;
              color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:62rem;margin:0 auto;padding:1rem}
            .connlint-report h1{font-size:1.6rem;margin:.2rem 0}
            .connlint-report h2{font-size:1.3rem;border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
            .connlint-report h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
            .connlint-report h4{font-size:1rem;margin:1rem 0 .3rem}
            .connlint-report figure{margin:.4rem 0 1rem;break-inside:avoid}
            .connlint-report figcaption{font-weight:600;margin-bottom:.2rem}
            .connlint-report svg.chart{max-width:100%;height:auto;display:block}
            .connlint-report table{border-collapse:collapse;margin:.3rem 0 .8rem;font-size:.9rem}
            .connlint-report th,.connlint-report td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;vertical-align:top}
            .connlint-report td.num,.connlint-report th.num{text-align:right;font-variant-numeric:tabular-nums}
            .connlint-report .swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #555;margin-right:.3em;vertical-align:-.1em}
            .connlint-report .note{color:var(--muted)}
            .connlint-report .cl-over{color:var(--error);font-weight:600}
            .connlint-report .sev{display:inline-block;color:#fff;border-radius:3px;padding:0 .4em;font-size:.85rem;font-weight:600}
            .connlint-report .sev-error{background:var(--error)}
            .connlint-report .sev-warning{background:var(--warning)}
            .connlint-report .sev-info{background:var(--info)}
            .connlint-report ul.findings{list-style:none;padding-left:0}
            .connlint-report ul.findings>li{border-left:4px solid #bbb;padding:.3rem .7rem;margin:.6rem 0;break-inside:avoid}
            .connlint-report ul.findings>li.error{border-color:var(--error)}
            .connlint-report ul.findings>li.warning{border-color:var(--warning)}
            .connlint-report ul.findings>li.info{border-color:var(--info)}
            .connlint-report pre{background:#f4f4f4;padding:.4rem .6rem;white-space:pre-wrap;margin:.3rem 0}
            .connlint-report a{color:#0b4f9c}
            .connlint-report summary{cursor:pointer;font-weight:600}
            .connlint-report svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#111}
            .connlint-report svg .app0,.connlint-report .swatch.app0{fill:#9ecae1;background:#9ecae1}
            .connlint-report svg .app1,.connlint-report .swatch.app1{fill:#a1d99b;background:#a1d99b}
            .connlint-report svg .app2,.connlint-report .swatch.app2{fill:#fdd0a2;background:#fdd0a2}
            .connlint-report svg .app3,.connlint-report .swatch.app3{fill:#cbc9e2;background:#cbc9e2}
            .connlint-report svg .app4,.connlint-report .swatch.app4{fill:#f2d16b;background:#f2d16b}
            .connlint-report svg .app5,.connlint-report .swatch.app5{fill:#a6dfd9;background:#a6dfd9}
            .connlint-report svg rect[class^=app],.connlint-report svg .reserved,.connlint-report svg .mem-server,.connlint-report svg .mem-threads,.connlint-report svg .mem-tables{stroke:#fff;stroke-width:1}
            .connlint-report svg .reserved,.connlint-report .swatch.reserved{fill:#d0d0d0;background:#d0d0d0}
            .connlint-report svg .mem-server,.connlint-report .swatch.mem-server{fill:#bcd4e6;background:#bcd4e6}
            .connlint-report svg .mem-threads,.connlint-report .swatch.mem-threads{fill:#f5c48c;background:#f5c48c}
            .connlint-report svg .mem-tables,.connlint-report .swatch.mem-tables{fill:#d9c2e8;background:#d9c2e8}
            .connlint-report svg .headroom,.connlint-report .swatch.headroom{fill:#fff;background:#fff;stroke:#555;stroke-dasharray:4 3}
            .connlint-report svg .over-hatch{fill:url(#connlint-hatch);stroke:var(--error);stroke-width:2}
            .connlint-report svg .overflow,.connlint-report .swatch.overflow{fill:var(--error);background:var(--error)}
            .connlint-report svg .over-label{fill:var(--error);font-weight:700}
            .connlint-report svg .cut{fill:#767676}
            .connlint-report svg .marker{stroke:#111;stroke-width:2}
            .connlint-report svg .marker.dashed{stroke-dasharray:5 3;stroke:#555}
            .connlint-report svg .marker-label{font-weight:600}
            .connlint-report svg .time{fill:#9ecae1}
            .connlint-report svg .over-time{fill:url(#connlint-hatch);stroke:var(--error);stroke-width:1.5}
            .connlint-report svg .value-label{font-weight:600}
            .connlint-report .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
            @media print{
              .connlint-report{max-width:none;padding:0;font-size:11pt}
              .connlint-report *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
              .connlint-report a{color:inherit}
              .connlint-report a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}
              .connlint-report details::details-content{content-visibility:visible;display:block}
              .connlint-report h2,.connlint-report h3{break-after:avoid}
              .connlint-report nav{display:none}
            }
            """;
    /** One hatch pattern for every chart, defined once in the page. */
    private static final String DEFS = "<svg width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\""
            + " style=\"position:absolute\"><defs><pattern id=\"connlint-hatch\" width=\"8\" height=\"8\""
            + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b3261e\""
            + " stroke-width=\"2.5\"/></pattern></defs></svg>";

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
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        body(result, out, 1);
        out.append("</body>\n</html>\n");
    }

    /** The stylesheet, for a page that embeds {@link #body}; every rule is scoped to {@code .connlint-report}. */
    public static String style() {
        return STYLE;
    }

    /**
     * The report as one {@code <div class="connlint-report">}, headings starting at level
     * {@code h} (2 when a site page already has its own h1).
     */
    public void body(LintResult result, Appendable out, int h) throws IOException {
        Deployment model = result.model();
        out.append("<div class=\"connlint-report\">\n").append(DEFS).append('\n');
        out.append(heading(h, "connlint report")).append('\n');
        out.append("<p>Project <code>").append(Html.esc(projectName(model))).append("</code>, checked by connlint ")
                .append(Html.esc(toolVersion)).append(".</p>\n");
        out.append("<p><strong>").append(Html.esc(ConsoleReporter.summary(result))).append("</strong></p>\n");
        out.append("<nav aria-label=\"Contents\"><ul><li><a href=\"#servers\">Servers</a></li>"
                + "<li><a href=\"#pools\">Pools</a></li><li><a href=\"#findings\">Findings</a></li>"
                + "<li><a href=\"#model\">Model</a></li></ul></nav>\n");

        out.append("<section id=\"servers\">\n").append(heading(h + 1, "Servers")).append('\n');
        if (model.servers().isEmpty()) {
            out.append("<p>No server was found.</p>\n");
        }
        int index = 0;
        for (DatabaseServer server : model.servers()) {
            server(model, server, "s" + index++, out, h + 2);
        }
        out.append("</section>\n");

        out.append("<section id=\"pools\">\n").append(heading(h + 1, "Pools: connection lifetimes against wait_timeout"))
                .append('\n');
        if (model.pools().isEmpty()) {
            out.append("<p>No pool was found.</p>\n");
        }
        index = 0;
        for (ClientPool pool : model.pools()) {
            pool(model, pool, "p" + index++, out, h + 2);
        }
        out.append("</section>\n");

        findings(result, out, h + 1);
        modelTable(model, out, h + 1);
        out.append("</div>\n");
    }

    private void server(Deployment model, DatabaseServer server, String id, Appendable out, int h) throws IOException {
        List<ClientPool> pools = model.poolsOf(server);
        out.append("<section aria-labelledby=\"").append(id).append("\">\n<h").append(String.valueOf(h))
                .append(" id=\"").append(id).append("\">Server ").append(Html.esc(server.id())).append(" <span class=\"note\">(")
                .append(Html.esc(server.engine().id())).append(")</span></h").append(String.valueOf(h)).append(">\n");
        out.append(heading(h + 1, "Connections: max_connections " + server.maxConnections().effective())).append('\n');
        limitNotes(model, server, out);
        if (pools.isEmpty()) {
            out.append("<p>No pool connects to server ").append(Html.esc(server.id())).append(".</p>\n");
        }
        budget(new ConnectionBudget(server, pools, Scenario.STEADY), id + "-steady", out);
        for (Scenario scenario : List.of(Scenario.ROLLOUT, Scenario.AUTOSCALED)) {
            if (scenario.differsFromSteady(pools)) {
                budget(new ConnectionBudget(server, pools, scenario), id + "-" + scenario.name().toLowerCase(Locale.ROOT),
                        out);
            } else if (!pools.isEmpty()) {
                out.append("<p class=\"note\">").append(Html.esc(capital(scenario.title()))).append(": the same as the")
                        .append(" steady state (no pool declares ")
                        .append(scenario == Scenario.ROLLOUT ? "a rolling-update surge" : "an autoscaling maximum")
                        .append(").</p>\n");
            }
        }
        out.append(heading(h + 1, "Memory")).append('\n');
        memory(server, id + "-mem", out);
        out.append("</section>\n");
    }

    /** The open-files cut, clamps, and settings of max_connections that a later one (e.g. SET PERSIST) overrides. */
    private static void limitNotes(Deployment model, DatabaseServer server, Appendable out) throws IOException {
        Setting<Long> mc = server.maxConnections();
        List<String> notes = new ArrayList<>();
        notes.add("max_connections = " + mc.effective() + " comes from " + mc.origin().describe()
                + (persisted(mc) ? " (SET PERSIST, which the server applies after its option files)" : "") + ".");
        if (mc.isRewritten()) {
            String cut = server.openFilesLimit().map(l -> " under the open-files limit " + l.effective()).orElse("");
            notes.add("Configured " + mc.value() + ", but the server runs with " + mc.effective() + cut + ": "
                    + mc.reason().orElseThrow() + ".");
        }
        for (OverriddenOption key : server.overridden()) {
            if (variableName(key.option()).equals(mc.name())) {
                notes.add(key.option() + " at " + key.at() + " has no effect: " + key.winner().origin().describe()
                        + " (" + key.winner().raw() + ") wins.");
            }
        }
        out.append("<ul class=\"limit-notes\">\n");
        for (String note : notes) {
            out.append("<li>").append(Html.esc(note)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static boolean persisted(Setting<?> s) {
        return s.location().map(l -> l.path().endsWith("mysqld-auto.cnf")).orElse(false);
    }

    private static String variableName(String key) {
        String name = key.replace('-', '_').toLowerCase(Locale.ROOT);
        for (String prefix : List.of("loose_", "maximum_")) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        return name;
    }

    private static void budget(ConnectionBudget budget, String id, Appendable out) throws IOException {
        DatabaseServer server = budget.server();
        Scenario scenario = budget.scenario();
        List<Svg.Segment> segments = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        int colour = 0;
        for (ClientPool pool : budget.pools()) {
            long demand = budget.demand(pool);
            long running = scenario.running(pool).effective();
            String cssClass = "app" + colour++ % APP_COLOURS;
            String label = pool.id() + " " + running + "×" + pool.processes().effective() + "×"
                    + pool.maximumPoolSize().effective() + " = " + demand;
            segments.add(new Svg.Segment(label, pool.id() + " " + demand, demand, cssClass));
            rows.add(new String[] {cssClass, pool.id(), running + instancesOrigin(pool, scenario),
                    String.valueOf(pool.processes().effective()),
                    pool.maximumPoolSize().name() + " " + pool.maximumPoolSize().effective(), String.valueOf(demand)});
        }
        long reserved = budget.reserved();
        segments.add(new Svg.Segment("reserved " + reserved, String.valueOf(reserved), reserved, "reserved"));
        long limit = budget.limit();
        long total = budget.total();
        Setting<Long> mc = server.maxConnections();
        List<Svg.Marker> others = new ArrayList<>();
        if (mc.isRewritten() && mc.value() != limit) {
            others.add(new Svg.Marker(mc.value(), "configured " + mc.value(), true));
        }
        String title = "Connection budget of server " + server.id() + ", " + scenario.title();
        StringBuilder desc = new StringBuilder("Stacked bar: ");
        for (Svg.Segment s : segments) {
            desc.append(s.label()).append("; ");
        }
        desc.append("total ").append(total).append(" against max_connections ").append(limit);
        if (total > limit && !budget.pools().isEmpty()) {
            desc.append(": overflow, ").append(total - limit).append(" connections too many");
        } else {
            desc.append(": headroom ").append(limit - total);
        }
        if (!others.isEmpty()) {
            desc.append("; configured max_connections ").append(mc.value()).append(", cut to ").append(limit);
        }
        desc.append('.');
        String overflow = "overflow " + (total - limit) + " over max_connections";
        out.append("<figure>\n<figcaption>").append(Html.esc(capital(scenario.title()))).append(": ")
                .append(String.valueOf(total)).append(" of max_connections ").append(String.valueOf(limit));
        if (total > limit && !budget.pools().isEmpty()) {
            out.append(" — <span class=\"cl-over\">").append(String.valueOf(total - limit)).append(" too many</span>");
        }
        out.append("</figcaption>\n")
                .append(Svg.bar(id, title, desc.toString(), segments, new Svg.Marker(limit, "max_connections " + limit,
                        false), others, "headroom " + (limit - total), overflow)).append('\n');
        out.append("<table>\n<caption class=\"visually-hidden\">").append(Html.esc(title)).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">Share</th><th scope=\"col\" class=\"num\">Instances</th>")
                .append("<th scope=\"col\" class=\"num\">Processes</th><th scope=\"col\">Pool max</th>")
                .append("<th scope=\"col\" class=\"num\">Connections</th></tr></thead>\n<tbody>\n");
        for (String[] r : rows) {
            out.append("<tr><th scope=\"row\"><span class=\"swatch ").append(r[0]).append("\"></span>")
                    .append(Html.esc(r[1])).append("</th><td class=\"num\">").append(Html.esc(r[2]))
                    .append("</td><td class=\"num\">").append(Html.esc(r[3])).append("</td><td>").append(Html.esc(r[4]))
                    .append("</td><td class=\"num\">").append(Html.esc(r[5])).append("</td></tr>\n");
        }
        out.append("<tr><th scope=\"row\"><span class=\"swatch reserved\"></span>reserved</th><td colspan=\"3\">")
                .append(Html.esc(server.reserved().origin().describe())).append("</td><td class=\"num\">")
                .append(String.valueOf(reserved)).append("</td></tr>\n");
        out.append("</tbody>\n<tfoot><tr><th scope=\"row\">total</th><td colspan=\"3\">max_connections ")
                .append(String.valueOf(limit)).append("</td><td class=\"num\">").append(String.valueOf(total))
                .append("</td></tr>\n");
        if (total > limit && !budget.pools().isEmpty()) {
            out.append("<tr><th scope=\"row\"><span class=\"swatch overflow\"></span>overflow</th><td colspan=\"3\">")
                    .append("total − max_connections</td><td class=\"num cl-over\">").append(String.valueOf(total - limit))
                    .append("</td></tr>\n");
        } else {
            out.append("<tr><th scope=\"row\"><span class=\"swatch headroom\"></span>headroom</th><td colspan=\"3\">")
                    .append("max_connections − total</td><td class=\"num\">").append(String.valueOf(limit - total))
                    .append("</td></tr>\n");
        }
        out.append("</tfoot>\n</table>\n</figure>\n");
    }

    private static String instancesOrigin(ClientPool pool, Scenario scenario) {
        Setting<Long> running = scenario.running(pool);
        return running.isWritten() ? "" : " (" + running.origin().describe() + ")";
    }

    private static void memory(DatabaseServer server, String id, Appendable out) throws IOException {
        ConnectionMemory m = ConnectionMemory.of(server);
        long n = m.maxConnections().effective();
        String mc = "max_connections " + n;
        long sessions = ConnectionMemory.times(n, m.perThread());
        long tables = m.tempTables(n);
        long total = m.total();
        String tablesLabel = m.tempTableRam().map(r -> "temporary tables min(temptable_max_ram " + mib(r.effective())
                + ", " + n + " × " + mib(m.tmpTable()) + ") = " + mib(tables)).orElse("");
        List<Svg.Segment> segments = new ArrayList<>(List.of(
                new Svg.Segment("server buffers " + mib(m.serverBuffers()), mib(m.serverBuffers()),
                        m.serverBuffers(), "mem-server"),
                new Svg.Segment(mc + " × " + mib(m.perThread()) + " = " + mib(sessions), mib(sessions), sessions,
                        "mem-threads")));
        if (m.tempTableRam().isPresent()) {
            segments.add(new Svg.Segment(tablesLabel, mib(tables), tables, "mem-tables"));
        }
        Optional<Long> ram = m.ramBytes();
        String title = "Worst-case memory of server " + server.id();
        String desc = "Stacked bar: server buffers " + mib(m.serverBuffers()) + "; " + mc + " × per-connection buffers "
                + mib(m.perThread()) + " = " + mib(sessions) + (tablesLabel.isEmpty() ? "" : "; " + tablesLabel)
                + "; total " + mib(total)
                + ram.map(r -> " against RAM " + mib(r) + (m.aboveRam() ? ": " + mib(total - r) + " more than the host has"
                : "")).orElse("; the host's RAM is not declared (ramMb)") + ".";
        out.append("<figure>\n<figcaption>Server buffers plus ").append(Html.esc(mc))
                .append(" × per-connection buffers").append(tablesLabel.isEmpty() ? "" : " plus temporary tables")
                .append(" = ").append(Html.esc(mib(total)));
        if (ram.isPresent()) {
            out.append(" of RAM ").append(Html.esc(mib(ram.get())));
            if (m.aboveRam()) {
                out.append(" — <span class=\"cl-over\">").append(Html.esc(mib(total - ram.get())))
                        .append(" more than the host has</span>");
            }
        }
        out.append("</figcaption>\n").append(Svg.bar(id, title, desc, segments,
                ram.map(r -> new Svg.Marker(r, "RAM " + mib(r), false)).orElse(null), List.of(),
                ram.map(r -> "free " + mib(r - total)).orElse(null),
                ram.map(r -> "over RAM by " + mib(total - r)).orElse(null))).append('\n');
        if (ram.isEmpty()) {
            out.append("<p class=\"note\">The host's memory is not declared: add <code>ramMb</code> to server ")
                    .append(Html.esc(server.id())).append(" in connlint.yml to compare against it.</p>\n");
        }
        out.append("<table>\n<caption class=\"visually-hidden\">").append(Html.esc(title)).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">Buffer</th><th scope=\"col\" class=\"num\">Size</th>")
                .append("<th scope=\"col\">Origin</th></tr></thead>\n<tbody>\n");
        memoryTerms(out, "server", m.serverTerms());
        memoryTerms(out, "per connection", m.perThreadTerms());
        if (m.tempTableRam().isPresent()) {
            Setting<Long> r = m.tempTableRam().get();
            out.append("<tr><th scope=\"row\">temptable_max_ram <span class=\"note\">(all sessions' temporary tables)")
                    .append("</span></th><td class=\"num\">").append(mib(r.effective())).append("</td><td>")
                    .append(Html.esc(r.origin().describe())).append("</td></tr>\n");
        }
        out.append("</tbody>\n<tfoot><tr><th scope=\"row\"><span class=\"swatch mem-server\"></span>server buffers</th>")
                .append("<td class=\"num\">").append(mib(m.serverBuffers())).append("</td><td></td></tr>\n")
                .append("<tr><th scope=\"row\"><span class=\"swatch mem-threads\"></span>").append(Html.esc(mc))
                .append(" × ").append(mib(m.perThread())).append("</th><td class=\"num\">").append(mib(sessions))
                .append("</td><td>").append(Html.esc(m.maxConnections().origin().describe())).append("</td></tr>\n");
        if (m.tempTableRam().isPresent()) {
            out.append("<tr><th scope=\"row\"><span class=\"swatch mem-tables\"></span>")
                    .append(Html.esc(tablesLabel.substring(0, tablesLabel.lastIndexOf(" = ")))).append("</th>")
                    .append("<td class=\"num\">").append(mib(tables)).append("</td><td></td></tr>\n");
        }
        out.append("<tr><th scope=\"row\">total</th><td class=\"num\">").append(mib(total))
                .append("</td><td>").append(ram.map(r -> "RAM " + mib(r) + " (ramMb)").orElse("RAM not declared"))
                .append("</td></tr>\n</tfoot>\n</table>\n</figure>\n");
    }

    private static void memoryTerms(Appendable out, String kind, List<ConnectionMemory.Term> terms) throws IOException {
        for (ConnectionMemory.Term t : terms) {
            StringBuilder origin = new StringBuilder();
            for (Setting<Long> s : t.settings()) {
                if (!origin.isEmpty()) {
                    origin.append("; ");
                }
                origin.append(t.settings().size() > 1 ? s.name() + ": " : "").append(s.origin().describe());
            }
            out.append("<tr><th scope=\"row\">").append(Html.esc(t.name())).append(" <span class=\"note\">(")
                    .append(kind).append(")</span></th><td class=\"num\">").append(mib(t.bytes())).append("</td><td>")
                    .append(Html.esc(origin.toString())).append("</td></tr>\n");
        }
    }

    private static String mib(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EiB" : ConnectionMemory.mib(bytes);
    }

    private static void pool(Deployment model, ClientPool pool, String id, Appendable out, int h) throws IOException {
        String serverId = model.poolServer().get(pool.id());
        Optional<DatabaseServer> server = serverId == null ? Optional.empty() : model.server(serverId);
        out.append(heading(h, "Pool " + pool.id() + " (" + pool.kind().id() + ", app " + pool.app() + ")")).append('\n');
        List<Svg.Row> rows = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        for (String name : List.of(ClientPool.MAX_LIFETIME, ClientPool.IDLE_TIMEOUT, ClientPool.KEEPALIVE_TIME)) {
            Optional<Setting<Long>> s = pool.longSetting(name);
            if (s.isEmpty()) {
                continue;
            }
            long ms = s.get().effective();
            boolean keepalive = name.equals(ClientPool.KEEPALIVE_TIME);
            // HikariCP: 0 means never retired / never idled out, and for keepaliveTime disabled
            String label = ms == 0 ? (keepalive ? "0 (disabled)" : "0 (no limit)") : duration(ms);
            rows.add(new Svg.Row(name, keepalive && ms == 0 ? 0 : ms, !keepalive && ms == 0, label));
            table.add(new String[] {name, s.get().raw(), label, s.get().origin().describe()
                    + s.get().reason().map(r -> "; " + r).orElse("")});
        }
        Optional<Setting<Long>> age = pool.longSetting(ClientPool.CONN_MAX_AGE);
        if (age.isPresent()) {
            long seconds = age.get().effective();
            boolean forever = seconds == ClientPool.CONN_MAX_AGE_UNLIMITED;
            String label = forever ? "None (no limit)" : seconds == 0 ? "0 (closed after each request)"
                    : duration(seconds * 1000);
            rows.add(new Svg.Row(ClientPool.CONN_MAX_AGE, forever ? 0 : seconds * 1000.0, forever, label));
            table.add(new String[] {ClientPool.CONN_MAX_AGE, age.get().raw(), label, age.get().origin().describe()});
        }
        Double limit = server.map(s -> s.waitTimeout().effective() * 1000.0).orElse(null);
        String limitLabel = server.map(s -> "wait_timeout " + duration(s.waitTimeout().effective() * 1000)).orElse("");
        if (rows.isEmpty()) {
            out.append("<p>No lifetime setting is known for this pool.</p>\n");
            return;
        }
        StringBuilder desc = new StringBuilder("Timeline: ");
        for (Svg.Row r : rows) {
            desc.append(r.name()).append(' ').append(r.valueLabel());
            if (limit != null && (r.infinite() || r.value() >= limit)) {
                desc.append(" (at or beyond wait_timeout)");
            }
            desc.append("; ");
        }
        desc.append(server.map(s -> "server " + s.id() + " closes idle connections after " + limitLabel)
                .orElse("the server this pool connects to is not known, so there is no wait_timeout to compare with"))
                .append('.');
        String title = "Connection lifetimes of pool " + pool.id() + " against wait_timeout";
        out.append("<figure>\n<figcaption>").append(Html.esc(server.map(s -> "Against " + limitLabel + " of server "
                + s.id()).orElse("Server unknown: no wait_timeout to compare with"))).append("</figcaption>\n")
                .append(Svg.timeline(id, title, desc.toString(), rows, limit, limitLabel)).append('\n');
        out.append("<table>\n<caption class=\"visually-hidden\">").append(Html.esc(title)).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">Setting</th><th scope=\"col\">Written</th>")
                .append("<th scope=\"col\">Runs with</th><th scope=\"col\">Origin</th></tr></thead>\n<tbody>\n");
        for (String[] r : table) {
            out.append("<tr><th scope=\"row\">").append(Html.esc(r[0])).append("</th><td>").append(Html.esc(r[1]))
                    .append("</td><td>").append(Html.esc(r[2])).append("</td><td>").append(Html.esc(r[3]))
                    .append("</td></tr>\n");
        }
        server.ifPresent(s -> append(out, "<tr><th scope=\"row\">wait_timeout</th><td>" + Html.esc(s.waitTimeout().raw())
                + "</td><td>" + Html.esc(duration(s.waitTimeout().effective() * 1000)) + "</td><td>"
                + Html.esc(s.waitTimeout().origin().describe()) + "</td></tr>\n"));
        out.append("</tbody>\n</table>\n</figure>\n");
    }

    private static void findings(LintResult result, Appendable out, int h) throws IOException {
        out.append("<section id=\"findings\">\n").append(heading(h, "Findings")).append('\n');
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
        out.append("<section id=\"model\">\n").append(heading(h, "Model")).append('\n')
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

    private static String heading(int level, String text) {
        int h = Math.min(level, 6);
        return "<h" + h + ">" + Html.esc(text) + "</h" + h + ">";
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

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Milliseconds in the largest whole unit: {@code 30 min}, {@code 600 s}, {@code 1500 ms}. */
    static String duration(long ms) {
        if (ms % 3_600_000 == 0 && ms >= 3_600_000) {
            return ms / 3_600_000 + " h";
        }
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return ms / 60_000 + " min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }

    private static void append(Appendable out, String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
