package io.connlint.core.report;

import io.connlint.core.model.budget.ConnectionBudget;
import io.connlint.core.model.budget.Scenario;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;
import io.connlint.core.model.OverriddenOption;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A server's section of the HTML report: where max_connections comes from, the connection budget
 * as a stacked bar per scenario (steady state, rolling deploy, autoscaling maximum) with its table,
 * then the memory ({@link HtmlMemory}). The numbers are {@link ConnectionBudget}'s, as the rules' are.
 */
final class HtmlServers {

    /** Fills of the pools' segments, light enough for dark text (contrast above 7:1 with #111). */
    private static final int APP_COLOURS = 6;

    private HtmlServers() {
    }

    static void server(Deployment model, DatabaseServer server, String id, Appendable out, int h) throws IOException {
        List<ClientPool> pools = model.poolsOf(server);
        out.append("<section aria-labelledby=\"").append(id).append("\">\n<h").append(String.valueOf(h))
                .append(" id=\"").append(id).append("\">Server ").append(Html.esc(server.id())).append(" <span class=\"note\">(")
                .append(Html.esc(server.engine().id())).append(")</span></h").append(String.valueOf(h)).append(">\n");
        out.append(Html.heading(h + 1, "Connections: max_connections " + server.maxConnections().effective())).append('\n');
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
                out.append("<p class=\"note\">").append(Html.esc(Html.capital(scenario.title()))).append(": the same as the")
                        .append(" steady state (no pool declares ")
                        .append(scenario == Scenario.ROLLOUT ? "a rolling-update surge" : "an autoscaling maximum")
                        .append(").</p>\n");
            }
        }
        out.append(Html.heading(h + 1, "Memory")).append('\n');
        HtmlMemory.chart(server, id + "-mem", out);
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
        out.append("<figure>\n<figcaption>").append(Html.esc(Html.capital(scenario.title()))).append(": ")
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
}
