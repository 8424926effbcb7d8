package io.connlint.core.report;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A pool's section of the HTML report: its connection lifetimes as a timeline against its server's wait_timeout. */
final class HtmlPools {

    private HtmlPools() {
    }

    static void pool(Deployment model, ClientPool pool, String id, Appendable out, int h) throws IOException {
        String serverId = model.poolServer().get(pool.id());
        Optional<DatabaseServer> server = serverId == null ? Optional.empty() : model.server(serverId);
        out.append(Html.heading(h, "Pool " + pool.id() + " (" + pool.kind().id() + ", app " + pool.app() + ")")).append('\n');
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
            String label = ms == 0 ? (keepalive ? "0 (disabled)" : "0 (no limit)") : Html.duration(ms);
            rows.add(new Svg.Row(name, keepalive && ms == 0 ? 0 : ms, !keepalive && ms == 0, label));
            table.add(new String[] {name, s.get().raw(), label, s.get().origin().describe()
                    + s.get().reason().map(r -> "; " + r).orElse("")});
        }
        Optional<Setting<Long>> age = pool.longSetting(ClientPool.CONN_MAX_AGE);
        if (age.isPresent()) {
            long seconds = age.get().effective();
            boolean forever = seconds == ClientPool.CONN_MAX_AGE_UNLIMITED;
            String label = forever ? "None (no limit)" : seconds == 0 ? "0 (closed after each request)"
                    : Html.duration(seconds * 1000);
            rows.add(new Svg.Row(ClientPool.CONN_MAX_AGE, forever ? 0 : seconds * 1000.0, forever, label));
            table.add(new String[] {ClientPool.CONN_MAX_AGE, age.get().raw(), label, age.get().origin().describe()});
        }
        Double limit = server.map(s -> s.waitTimeout().effective() * 1000.0).orElse(null);
        String limitLabel = server.map(s -> "wait_timeout " + Html.duration(s.waitTimeout().effective() * 1000)).orElse("");
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
        server.ifPresent(s -> Html.append(out, "<tr><th scope=\"row\">wait_timeout</th><td>" + Html.esc(s.waitTimeout().raw())
                + "</td><td>" + Html.esc(Html.duration(s.waitTimeout().effective() * 1000)) + "</td><td>"
                + Html.esc(s.waitTimeout().origin().describe()) + "</td></tr>\n"));
        out.append("</tbody>\n</table>\n</figure>\n");
    }
}
