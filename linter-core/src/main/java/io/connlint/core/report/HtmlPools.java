package io.connlint.core.report;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A pool's section of the HTML report: its connection lifetimes as a timeline against its server's wait_timeout. */
final class HtmlPools {

    private HtmlPools() {
    }

    /** How a duration reads in the page: a "no limit" or "off" in the library's terms, else the duration. */
    private static String label(PoolValue.Time time, boolean keepalive) {
        long value = time.setting().effective();
        boolean seconds = time.unit() == java.util.concurrent.TimeUnit.SECONDS;
        if (time.unlimited()) {
            // Django's None is filed as -1; the JDBC pools write 0 (or below) for no limit
            String written = seconds && value == -1 ? "None" : String.valueOf(value);
            return written + (keepalive ? " (disabled)" : " (no limit)");
        }
        if (seconds && value == 0) {
            return "0 (closed after each request)"; // Django: CONN_MAX_AGE 0 closes at the end of each request
        }
        return Html.duration(time.millis());
    }

    static void pool(Deployment model, ClientPool pool, String id, Appendable out, int h) throws IOException {
        String serverId = model.poolServer().get(pool.id());
        Optional<DatabaseServer> server = serverId == null ? Optional.empty() : model.server(serverId);
        out.append(Html.heading(h, "Pool " + pool.id() + " (" + pool.kind().id() + ", app " + pool.app() + ")")).append('\n');
        List<Svg.Row> rows = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        for (PoolConcept concept : List.of(PoolConcept.MAX_LIFETIME, PoolConcept.IDLE_TIMEOUT, PoolConcept.KEEPALIVE)) {
            Optional<PoolValue.Time> time = pool.time(concept);
            if (time.isEmpty()) {
                continue;
            }
            // each row in the library's own words: maxLifetime, maxAge, maxConnLifetimeMillis, CONN_MAX_AGE
            Setting<Long> s = time.get().setting();
            String name = s.name();
            boolean keepalive = concept == PoolConcept.KEEPALIVE;
            boolean unlimited = time.get().unlimited();
            long ms = unlimited ? 0 : time.get().millis();
            String label = label(time.get(), keepalive);
            rows.add(new Svg.Row(name, ms, unlimited && !keepalive, label));
            table.add(new String[] {name, s.raw(), label, s.origin().describe() + s.reason().map(r -> "; " + r).orElse("")});
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
