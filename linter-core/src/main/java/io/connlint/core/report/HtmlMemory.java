package io.connlint.core.report;

import io.connlint.core.model.budget.ConnectionMemory;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Setting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A server's worst-case memory in the HTML report: server buffers plus max_connections times the
 * per-connection buffers (plus temporary tables) as a stacked bar against the declared RAM, and
 * the table of every buffer with its origin. The numbers are {@link ConnectionMemory}'s.
 */
final class HtmlMemory {

    private HtmlMemory() {
    }

    static void chart(DatabaseServer server, String id, Appendable out) throws IOException {
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
}
